import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressResponse, pickEncoding } from "@/lib/server/compress-response";

const big = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `credential number ${i}`, scopes: ["read", "write"] })) });
const json = () => new Response(big, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
const req = (acceptEncoding?: string) => new Request("http://x/api/v1/credentials", { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

describe("pickEncoding", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["gzip", "gzip"],
    ["br", "br"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0", null],
    ["GZIP;Q=0.5, br;q=0.4", "gzip"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["br;q=0, *", "gzip"],
    ["deflate, compress", null],
    ["gzip;q=bogus", null],
  ])("%s → %s", (header, expected) => {
    expect(pickEncoding(header ?? null)).toBe(expected);
  });
});

describe("compressResponse", () => {
  it("gzips a JSON body when asked, with Content-Encoding and Vary, and the same bytes inside", async () => {
    const out = await compressResponse(req("gzip"), json());
    expect(out.headers.get("content-encoding")).toBe("gzip");
    expect(out.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(out.headers.get("cache-control")).toBe("no-store");
    const body = Buffer.from(await out.arrayBuffer());
    expect(body.length).toBeLessThan(big.length / 4);
    expect(gunzipSync(body).toString("utf8")).toBe(big);
  });

  it("prefers brotli", async () => {
    const out = await compressResponse(req("gzip, br"), json());
    expect(out.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await out.arrayBuffer())).toString("utf8")).toBe(big);
  });

  it.each([[undefined], ["identity"], ["gzip;q=0, br;q=0"]])("leaves the body alone for Accept-Encoding %s (still Vary)", async (header) => {
    const out = await compressResponse(req(header), json());
    expect(out.headers.get("content-encoding")).toBeNull();
    expect(out.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await out.text()).toBe(big);
  });

  it("keeps the status of an error body", async () => {
    const error = new Response(big, { status: 503, headers: { "content-type": "application/json" } });
    const out = await compressResponse(req("gzip"), error);
    expect(out.status).toBe(503);
    expect(gunzipSync(Buffer.from(await out.arrayBuffer())).toString("utf8")).toBe(big);
  });

  it("does not touch non-JSON, already encoded, or tiny bodies", async () => {
    const csv = new Response("a,b\n".repeat(500), { headers: { "content-type": "text/csv" } });
    expect((await compressResponse(req("gzip"), csv)).headers.get("content-encoding")).toBeNull();
    const encoded = new Response("xx", { headers: { "content-type": "application/json", "content-encoding": "gzip" } });
    expect(await compressResponse(req("br"), encoded)).toBe(encoded);
    const tiny = Response.json({ ok: true });
    const out = await compressResponse(req("gzip"), tiny);
    expect(out.headers.get("content-encoding")).toBeNull();
    expect(await out.json()).toEqual({ ok: true });
  });
});

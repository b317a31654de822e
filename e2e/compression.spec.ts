import { request as httpRequest } from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { APP_URL } from "./support/e2e-env.mjs";
import { signIn } from "./support/auth";

/**
 * Inventory JSON leaves the real `next start` compressed when the client accepts it, and as
 * identity when it does not. Raw node:http, not fetch: fetch would decode the body and hide a
 * missing or wrong Content-Encoding (the failure next.config.js's JSON_ROUTES works around).
 */

type TRaw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function get(path: string, headers: Record<string, string>): Promise<TRaw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, APP_URL), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

test("the inventory API is gzip when accepted, identity otherwise, and decodes to the same JSON", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory" });
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  const plain = await get("/api/v1/credentials?limit=50", { cookie });
  expect(plain.status).toBe(200);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.headers["content-type"]).toBe("application/json; charset=utf-8");
  const items = (JSON.parse(plain.body.toString("utf8")) as { items: unknown[] }).items;
  expect(items).toHaveLength(50);

  const gzip = await get("/api/v1/credentials?limit=50", { cookie, "accept-encoding": "gzip" });
  expect(gzip.status).toBe(200);
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gzip.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
  expect(gzip.body.length).toBeLessThan(plain.body.length / 3);
  expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));

  // The count route and an error answer are JSON with the same negotiation.
  const count = await get("/api/v1/credentials/count", { cookie, "accept-encoding": "gzip, br" });
  expect(count.headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(count.body).toString("utf8"))).toMatchObject({ precision: expect.any(String) });
  const anonymous = await get("/api/v1/credentials", { "accept-encoding": "gzip" });
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(gunzipSync(anonymous.body).toString("utf8"))).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  // identity;q=1, gzip refused: never compressed against the client's wish.
  const refused = await get("/api/v1/credentials?limit=50", { cookie, "accept-encoding": "gzip;q=0, identity" });
  expect(refused.headers["content-encoding"]).toBeUndefined();
  expect(JSON.parse(refused.body.toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
});

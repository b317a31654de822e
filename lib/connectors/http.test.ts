import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { providerRequest } from "./http";
import { ProviderError } from "./provider-error";
import { closedPortUrl, startPeer } from "./testing/peer";

const ZThing = z.object({ name: z.string() });

let peer: Awaited<ReturnType<typeof startPeer>>;
beforeAll(async () => {
  peer = await startPeer((req, res) => {
    const send = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    switch (req.url) {
      case "/ok":
        return send(200, JSON.stringify({ name: "a" }));
      case "/garbage":
        return send(200, "<html>not json</html>", "text/html");
      case "/wrong-shape":
        return send(200, JSON.stringify({ name: 42 }));
      case "/500":
        return send(500, "upstream exploded", "text/plain");
      case "/429":
        return send(429, JSON.stringify({ message: "slow down" }));
      case "/401":
        return send(401, JSON.stringify({ error: "invalid_client", error_description: "client authentication failed" }));
      case "/redirect":
        res.writeHead(302, { location: "https://elsewhere.example/" });
        return res.end();
      case "/slow":
        return void setTimeout(() => send(200, JSON.stringify({ name: "late" })), 2000);
      case "/echo": {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => send(200, JSON.stringify({ name: `${req.headers["content-type"]}|${body}` })));
        return;
      }
      default:
        return send(404, "");
    }
  });
});
afterAll(() => peer.close());

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("providerRequest", () => {
  it("parses a good response", async () => {
    await expect(providerRequest(`${peer.url}/ok`, ZThing)).resolves.toEqual({ status: 200, data: { name: "a" } });
  });

  it("sends a form body form-encoded and drops undefined fields", async () => {
    const { data } = await providerRequest(`${peer.url}/echo`, ZThing, { form: { a: "1 2", b: undefined } });
    expect(data.name).toBe("application/x-www-form-urlencoded|a=1+2");
  });

  it("refuses a malformed or non-http URL before calling anything", async () => {
    const bad = await failure(providerRequest("not a url", ZThing));
    expect([bad.kind, bad.retryable]).toEqual(["config", false]);
    expect((await failure(providerRequest("file:///etc/passwd", ZThing))).message).toMatch(/http\(s\)/);
  });

  it("says an unreachable peer is unreachable, and retryable", async () => {
    const e = await failure(providerRequest(`${await closedPortUrl()}/ok`, ZThing));
    expect([e.kind, e.retryable]).toEqual(["unreachable", true]);
    expect(e.message).toMatch(/refused/);
  });

  it("gives up on a slow peer at the timeout, retryable", async () => {
    const started = Date.now();
    const e = await failure(providerRequest(`${peer.url}/slow`, ZThing, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect([e.kind, e.retryable]).toEqual(["timeout", true]);
    expect(e.message).toMatch(/within 0.3 s/);
  });

  it("calls garbage garbage, not retryable", async () => {
    const e = await failure(providerRequest(`${peer.url}/garbage`, ZThing));
    expect([e.kind, e.retryable, e.status]).toEqual(["invalid_response", false, 200]);
    expect(e.message).toMatch(/did not answer with JSON/);
  });

  it("names the field of a wrongly shaped answer", async () => {
    const e = await failure(providerRequest(`${peer.url}/wrong-shape`, ZThing));
    expect(e.kind).toBe("invalid_response");
    expect(e.message).toMatch(/name:/);
  });

  it("treats 5xx and 429 as retryable, 4xx not, and keeps the provider's own message", async () => {
    const e500 = await failure(providerRequest(`${peer.url}/500`, ZThing));
    expect([e500.retryable, e500.status, e500.providerMessage]).toEqual([true, 500, "upstream exploded"]);
    const e429 = await failure(providerRequest(`${peer.url}/429`, ZThing));
    expect([e429.retryable, e429.providerMessage]).toEqual([true, "slow down"]);
    const e401 = await failure(providerRequest(`${peer.url}/401`, ZThing));
    expect([e401.retryable, e401.status]).toEqual([false, 401]);
    expect(e401.message).toMatch(/invalid_client: client authentication failed/);
    expect((await failure(providerRequest(`${peer.url}/nope`, ZThing))).status).toBe(404);
  });

  it("does not follow redirects (a redirected provider URL is misconfigured)", async () => {
    const e = await failure(providerRequest(`${peer.url}/redirect`, ZThing));
    expect([e.status, e.retryable]).toEqual([302, false]);
    expect(e.message).toMatch(/elsewhere\.example/);
  });
});

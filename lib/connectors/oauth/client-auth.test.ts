import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "../provider-error";
import { startPeer } from "../testing/peer";
import { withEndpointAuth, type TAuthCtx } from "./client-auth";
import type { TAuthServerMetadata } from "./metadata";

/**
 * The bearer-token path's reuse and replacement, against a small server that issues numbered
 * tokens and accepts only those it has not invalidated. (The real servers run in
 * glewlwyd.int.test.ts; this one can invalidate a token the connector holds, which they cannot.)
 */
type TServer = { issued: number; accepted: Set<string>; introspections: string[] };

async function startServer(state: TServer) {
  return startPeer((req, res) => {
    if (req.url === "/token") {
      const token = `t${++state.issued}`;
      state.accepted.add(token);
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 600 }));
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    state.introspections.push(bearer);
    res.writeHead(state.accepted.has(bearer) ? 200 : 401, { "content-type": "application/json" });
    res.end(state.accepted.has(bearer) ? JSON.stringify({ active: false }) : "");
  });
}

const ctxFor = (clientId: string): TAuthCtx => ({
  config: { clientId, tokenEndpointAuth: "client_secret_basic", introspectionAuth: "bearer_token", introspectionScope: "introspect" },
  secret: { clientSecret: "s" },
  timeoutMs: 2000,
});

const introspectAt = (url: string) => async (auth: { headers: Record<string, string> }) => {
  const response = await fetch(`${url}/introspect`, { method: "POST", headers: auth.headers });
  if (!response.ok) throw new ProviderError("http", `HTTP ${response.status}`, { retryable: false, status: response.status });
  return response.status;
};

describe("withEndpointAuth (bearer_token)", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it("reuses its token, and replaces it once when the server stops accepting it", async () => {
    const state: TServer = { issued: 0, accepted: new Set(), introspections: [] };
    const server = await startServer(state);
    closers.push(server.close);
    const metadata: TAuthServerMetadata = { issuer: server.url, token_endpoint: `${server.url}/token` };
    const ctx = ctxFor("reuse");
    await withEndpointAuth(ctx, metadata, "introspection endpoint", introspectAt(server.url));
    await withEndpointAuth(ctx, metadata, "introspection endpoint", introspectAt(server.url));
    expect([state.issued, state.introspections]).toEqual([1, ["t1", "t1"]]);
    state.accepted.delete("t1");
    await withEndpointAuth(ctx, metadata, "introspection endpoint", introspectAt(server.url));
    expect([state.issued, state.introspections]).toEqual([2, ["t1", "t1", "t1", "t2"]]);
  });

  it("a freshly obtained token that is refused is reported, not retried", async () => {
    const state: TServer = { issued: 0, accepted: new Set(), introspections: [] };
    const server = await startServer(state);
    closers.push(server.close);
    const metadata: TAuthServerMetadata = { issuer: server.url, token_endpoint: `${server.url}/token` };
    const refuseAll = async (auth: { headers: Record<string, string> }) => {
      state.accepted.clear();
      return introspectAt(server.url)(auth);
    };
    const error = await withEndpointAuth(ctxFor("refused"), metadata, "introspection endpoint", refuseAll).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/introspection endpoint refused the access token Tokenward obtained with scope "introspect" \(HTTP 401\)/);
    expect([state.issued, state.introspections.length]).toEqual([1, 1]);
  });
});

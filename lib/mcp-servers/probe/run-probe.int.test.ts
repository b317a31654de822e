import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "@/lib/mcp-servers/probe/run-probe";
import { PROBE_CHECK_IDS, type TProbeCheckId, type TProbeCheckStatus, type TProbeClient, type TProbeOutcome } from "@/lib/mcp-servers/probe/schemas";
import {
  MCP_VARIANTS, OTHER_RESOURCE, PROBE_CLIENT, SHORT_CLIENT, startTestIssuer, startTestMcpServer, type TMcpVariant, type TTestIssuer, type TTestMcpServer,
} from "@/lib/mcp-servers/probe/testing/mcp-auth-peer";

/**
 * The probe against real MCP servers (@modelcontextprotocol/sdk: requireBearerAuth,
 * mcpAuthMetadataRouter, streamable HTTP) trusting a real JWKS issuer, all on loopback: one server
 * configured correctly and one per broken rule. Every check of every variant is asserted.
 */

let issuer: TTestIssuer;
const servers = new Map<TMcpVariant, TTestMcpServer>();

beforeAll(async () => {
  issuer = await startTestIssuer();
  for (const v of MCP_VARIANTS) servers.set(v, await startTestMcpServer(issuer.issuer, v));
});
afterAll(async () => {
  for (const s of servers.values()) await s.close();
  await issuer?.close();
});

const client = (over: Partial<TProbeClient> = {}): TProbeClient => ({
  tokenEndpoint: issuer.tokenEndpoint, clientId: PROBE_CLIENT.id, clientSecret: PROBE_CLIENT.secret,
  otherResource: OTHER_RESOURCE, scope: null, expiryWaitSeconds: 0, ...over,
});

const P = "pass", F = "fail", N = "not_applicable";
type TRow = Record<TProbeCheckId, TProbeCheckStatus>;
const row = (...s: TProbeCheckStatus[]): TRow => Object.fromEntries(PROBE_CHECK_IDS.map((id, i) => [id, s[i]!])) as TRow;

// unauth, prm-reachable, prm-resource, prm-as, as-metadata, pkce, accepted, other-resource, no-aud, expired, untrusted-key, query
const EXPECTED: Record<TMcpVariant, TRow> = {
  "correct":             row(P, P, P, P, P, P, P, P, P, N, P, P),
  "no-audience-check":   row(P, P, P, P, P, P, P, F, F, N, P, P),
  "no-prm":              row(F, F, N, N, N, N, P, P, P, N, P, P),
  "accepts-expired":     row(P, P, P, P, P, P, P, P, P, N, P, P),
  "accepts-any-key":     row(P, P, P, P, P, P, P, P, P, N, F, P),
  "accepts-query-token": row(P, P, P, P, P, P, P, P, P, N, P, F),
};

const statuses = (o: TProbeOutcome) => Object.fromEntries(o.checks.map((c) => [c.id, c.status]));

function expectNoSecrets(o: TProbeOutcome) {
  const text = JSON.stringify(o);
  expect(text).not.toMatch(/eyJ[\w-]{10,}/); // no JWT (header or token) anywhere in the evidence
  expect(text).not.toContain(PROBE_CLIENT.secret);
  expect(text).not.toContain(SHORT_CLIENT.secret);
}

describe("probe against SDK MCP servers", () => {
  it.each(MCP_VARIANTS)("classifies %s exactly", async (variant) => {
    const outcome = await runProbe(servers.get(variant)!.url, { client: client() });
    expect(statuses(outcome)).toEqual(EXPECTED[variant]);
    expect(outcome.result).toBe(Object.values(EXPECTED[variant]).includes(F) ? "fail" : "pass");
    expect(outcome.audienceGap).toBe(variant === "no-audience-check" ? "accepted a token issued for another resource and a token with no audience" : null);
    for (const c of outcome.checks) if (c.status !== N) expect(c.evidence.length + c.detail.length).toBeGreaterThan(0);
    expectNoSecrets(outcome);
  });

  it("records the evidence a person needs: request, status, challenge", async () => {
    const o = await runProbe(servers.get("correct")!.url, { client: client() });
    const unauth = o.checks.find((c) => c.id === "unauthenticated")!;
    expect(unauth.evidence[0]).toMatchObject({ status: 401, request: expect.stringContaining("no Authorization header") });
    expect(unauth.evidence[0]!.header).toMatch(/^www-authenticate: Bearer .*resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/);
    const query = o.checks.find((c) => c.id === "token-in-query")!;
    expect(query.evidence[0]!.request).toContain("access_token=<token for this server>");
    expect(o.protectedResourceMetadata?.resource).toBe(servers.get("correct")!.url);
    const fail = (await runProbe(servers.get("no-audience-check")!.url, { client: client() })).checks.find((c) => c.id === "token-other-resource")!;
    expect(fail.detail).toContain(`Accepted a token issued for ${OTHER_RESOURCE}`);
    expect(fail.evidence[0]).toMatchObject({ status: 200, request: expect.stringContaining("Bearer <token for another resource>") });
  });

  it("waits out a short-lived token: the correct server refuses it, the one that ignores exp accepts it", async () => {
    const short = client({ clientId: SHORT_CLIENT.id, clientSecret: SHORT_CLIENT.secret, expiryWaitSeconds: 10 });
    const [ok, bad] = await Promise.all([runProbe(servers.get("correct")!.url, { client: short }), runProbe(servers.get("accepts-expired")!.url, { client: short })]);
    expect(ok.checks.find((c) => c.id === "token-expired")).toMatchObject({ status: P });
    expect(bad.checks.find((c) => c.id === "token-expired")).toMatchObject({ status: F, detail: expect.stringContaining("Accepted a token that expired") });
    expectNoSecrets(ok);
    expectNoSecrets(bad);
  }, 30_000);

  it("says why the expiry check is skipped when tokens outlive the allowed wait", async () => {
    const o = await runProbe(servers.get("correct")!.url, { client: client({ expiryWaitSeconds: 5 }) });
    expect(o.checks.find((c) => c.id === "token-expired")!.detail).toMatch(/Tokens live \d+ s more, beyond the 5 s/);
  });

  it("without a probe client, the token checks are not applicable (with why) and the rest still run", async () => {
    const o = await runProbe(servers.get("correct")!.url);
    expect(o.result).toBe("pass");
    expect(o.checks.filter((c) => c.id.startsWith("token-")).every((c) => c.status === N && /No probe client/.test(c.detail))).toBe(true);
  });

  it("a wrong client secret makes the token checks not applicable, quoting the authorization server", async () => {
    const o = await runProbe(servers.get("correct")!.url, { client: client({ clientSecret: "wrong" }) });
    const accepted = o.checks.find((c) => c.id === "token-accepted")!;
    expect(accepted).toMatchObject({ status: N, detail: expect.stringContaining("HTTP 401") });
    expect(JSON.stringify(o)).not.toContain("wrong");
  });

  it("a server that does not trust the probe's authorization server fails the control, the rest are not applicable", async () => {
    const foreign = await startTestIssuer();
    try {
      const o = await runProbe(servers.get("correct")!.url, { client: client({ tokenEndpoint: foreign.tokenEndpoint }) });
      expect(o.checks.find((c) => c.id === "token-accepted")).toMatchObject({ status: F });
      expect(o.checks.filter((c) => c.id.startsWith("token-") && c.id !== "token-accepted").every((c) => c.status === N)).toBe(true);
    } finally {
      await foreign.close();
    }
  });
});

describe("hostile probe targets", () => {
  const started: Server[] = [];
  async function hostile(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const s = createServer(handler);
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    started.push(s);
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }
  afterAll(async () => {
    for (const s of started) { s.closeAllConnections(); await new Promise((r) => s.close(r)); }
  });

  it("a server that hangs: error within the timeout", async () => {
    const url = await hostile(() => { /* never answers */ });
    const t0 = Date.now();
    const o = await runProbe(`${url}/mcp`, { timeoutMs: 500 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(o.result).toBe("error");
    expect(o.summary).toContain("did not answer within 0.5 s");
  });

  it("a huge metadata body is cut at the limit and reported, not buffered", async () => {
    const url = await hostile((req, res) => {
      if (req.url?.startsWith("/.well-known/oauth-protected-resource")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"resource":"');
        const chunk = "x".repeat(64 * 1024);
        let sent = 0;
        const pump = () => { while (sent < 2000 && res.write(chunk)) sent++; if (sent < 2000) res.once("drain", pump); else res.end('"}'); };
        pump();
        return;
      }
      res.writeHead(401, { "www-authenticate": `Bearer resource_metadata="http://${req.headers.host}/.well-known/oauth-protected-resource/mcp"` });
      res.end();
    });
    const o = await runProbe(`${url}/mcp`, { timeoutMs: 5000 });
    const prm = o.checks.find((c) => c.id === "prm-reachable")!;
    expect(prm.status).toBe(F);
    expect(prm.evidence[0]!.body).toContain("body cut at the size limit");
    expect(prm.evidence[0]!.body!.length).toBeLessThan(400);
  });

  it("a redirect to another host is not followed", async () => {
    const elsewhere = await hostile((_req, res) => { res.writeHead(200); res.end("{}"); });
    const url = await hostile((_req, res) => { res.writeHead(302, { location: `${elsewhere.replace("127.0.0.1", "localhost")}/mcp` }); res.end(); });
    const o = await runProbe(`${url}/mcp`);
    expect(o.result).toBe("error");
    expect(o.summary).toMatch(/redirects to another host \(http:\/\/localhost:\d+\); not followed/);
  });

  it("junk JSON metadata fails the check with the field, and the probe goes on", async () => {
    const url = await hostile((req, res) => {
      if (req.url === "/.well-known/oauth-protected-resource/mcp") { res.writeHead(200, { "content-type": "application/json" }); res.end('{"resource": 42, "authorization_servers": "no"}'); return; }
      if (req.url === "/.well-known/oauth-protected-resource") { res.writeHead(200); res.end("<html>not json</html>"); return; }
      res.writeHead(401, { "www-authenticate": "Bearer" });
      res.end();
    });
    const o = await runProbe(`${url}/mcp`);
    expect(o.result).toBe("fail");
    expect(statuses(o)).toMatchObject({ "unauthenticated": F, "prm-reachable": F, "prm-resource": N });
    expect(o.checks.find((c) => c.id === "prm-reachable")!.evidence).toHaveLength(2);
    expect(o.checks.find((c) => c.id === "prm-reachable")!.detail).toContain("is not protected-resource metadata (body:");
  });

  it("a server that answers without a token fails, and a metadata resource for another server fails", async () => {
    const url = await hostile((req, res) => {
      if (req.url === "/.well-known/oauth-protected-resource/mcp") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ resource: "https://elsewhere.example/mcp", authorization_servers: [] }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"jsonrpc":"2.0","id":1,"result":{}}');
    });
    const o = await runProbe(`${url}/mcp`);
    expect(statuses(o)).toMatchObject({ "unauthenticated": F, "prm-reachable": P, "prm-resource": F, "prm-authorization-servers": F, "as-metadata": N });
  });

  it("a token endpoint answering in the wrong shape: not applicable, and the token it sent is not in the evidence", async () => {
    const leakedToken = "leaked-opaque-token-0123456789abcdef";
    const as = await hostile((_req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ access_token: leakedToken, refresh_token: `${leakedToken}-r` })); });
    const o = await runProbe(servers.get("correct")!.url, { client: client({ tokenEndpoint: `${as}/token` }) });
    expect(o.checks.find((c) => c.id === "token-accepted")).toMatchObject({ status: N, detail: expect.stringContaining("not RFC 6749 JSON") });
    expect(JSON.stringify(o)).not.toContain(leakedToken);
    expect(JSON.stringify(o)).toContain("<redacted>");
  });

  it("link-local addresses and non-http schemes are refused before any request", async () => {
    expect((await runProbe("http://169.254.169.254/latest/meta-data")).summary).toContain("link-local");
    expect((await runProbe("file:///etc/passwd")).summary).toContain("not probed");
    expect((await runProbe("http://user:pw@127.0.0.1:1/mcp")).summary).toContain("user info");
  });
});

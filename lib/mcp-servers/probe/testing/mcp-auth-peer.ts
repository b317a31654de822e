import { createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { mcpAuthMetadataRouter, getOAuthProtectedResourceMetadataUrl } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { OAuthTokenVerifier } from "@modelcontextprotocol/sdk/server/auth/provider.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";

/**
 * Real peers for the probe's tests (integration and e2e): a minimal authorization server that
 * issues ES256 JWT access tokens by client credentials (RFC 8707 `resource` → `aud`; no resource →
 * no `aud`) and publishes RFC 8414 metadata and a JWKS, and MCP servers built with
 * @modelcontextprotocol/sdk (`requireBearerAuth`, `mcpAuthMetadataRouter`, the streamable HTTP
 * transport) whose token verifier fetches that JWKS. Each variant breaks exactly one rule.
 *
 * Why not oidc-provider here: asked for client credentials without a resource it issues an opaque
 * token, so a "JWT without audience" (the case a JWKS verifier without an audience check lets
 * through) cannot be produced, and per-client token lifetimes for the expiry check need more of its
 * configuration than this whole issuer.
 */

export const PROBE_CLIENT = { id: "tokenward-probe", secret: "probe-secret-for-tests-only" };
export const SHORT_CLIENT = { id: "tokenward-probe-short", secret: "short-secret-for-tests-only", ttlSeconds: 2 };
export const OTHER_RESOURCE = "https://other.example.test/mcp";

export type TTestIssuer = { issuer: string; tokenEndpoint: string; close: () => Promise<void> };

function b64url(v: Buffer | string) {
  return Buffer.from(v).toString("base64url");
}

async function listen(app: express.Express, port = 0): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
    server.on("error", reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
}

export async function startTestIssuer(port = 0): Promise<TTestIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const kid = randomUUID();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  let issuer = "";
  app.get("/.well-known/oauth-authorization-server", (_req, res) => {
    res.json({
      issuer, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, authorization_endpoint: `${issuer}/authorize`,
      response_types_supported: ["code"], grant_types_supported: ["authorization_code", "client_credentials"],
      code_challenge_methods_supported: ["S256"], client_id_metadata_document_supported: true,
    });
  });
  app.get("/jwks", (_req, res) => { res.json({ keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" }] }); });
  app.post("/token", (req, res) => {
    const [id, secret] = Buffer.from(String(req.headers.authorization ?? "").replace(/^Basic /i, ""), "base64").toString().split(":").map(decodeURIComponent);
    const client = [PROBE_CLIENT, SHORT_CLIENT].find((c) => c.id === id && c.secret === secret);
    if (!client) return void res.status(401).json({ error: "invalid_client" });
    if (req.body.grant_type !== "client_credentials") return void res.status(400).json({ error: "unsupported_grant_type" });
    const now = Math.floor(Date.now() / 1000);
    const ttl: number = client.id === SHORT_CLIENT.id ? SHORT_CLIENT.ttlSeconds : 300;
    const claims: Record<string, unknown> = { iss: issuer, sub: client.id, client_id: client.id, iat: now, exp: now + ttl, jti: randomUUID(), scope: req.body.scope ?? "mcp" };
    if (typeof req.body.resource === "string") claims.aud = req.body.resource;
    const input = `${b64url(JSON.stringify({ alg: "ES256", typ: "at+jwt", kid }))}.${b64url(JSON.stringify(claims))}`;
    const token = `${input}.${b64url(sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" }))}`;
    res.json({ access_token: token, token_type: "Bearer", expires_in: ttl });
  });
  const { server, url } = await listen(app, port);
  issuer = url;
  return { issuer, tokenEndpoint: `${issuer}/token`, close: () => closeServer(server) };
}

/** Which rule the MCP server breaks. */
export const MCP_VARIANTS = ["correct", "no-audience-check", "no-prm", "accepts-expired", "accepts-any-key", "accepts-query-token"] as const;
export type TMcpVariant = (typeof MCP_VARIANTS)[number];

/** A JWKS verifier, as an MCP server would write one; `variant` weakens it the way real ones go wrong. */
function jwksVerifier(issuer: string, variant: TMcpVariant): OAuthTokenVerifier {
  let keys: Map<string, KeyObject> | null = null;
  const keyFor = async (kid: string) => {
    if (!keys) {
      const jwks = (await (await fetch(`${issuer}/jwks`, { signal: AbortSignal.timeout(5000) })).json()) as { keys: (Record<string, string> & { kid: string })[] };
      keys = new Map(jwks.keys.map((k) => [k.kid, createPublicKey({ key: k, format: "jwk" })]));
    }
    return keys.get(kid);
  };
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      const [h, p, s] = token.split(".");
      if (!h || !p || !s) throw new InvalidTokenError("malformed token");
      let header: { alg?: string; kid?: string };
      let claims: { iss?: string; aud?: string | string[]; exp?: number; client_id?: string; scope?: string };
      try {
        header = JSON.parse(Buffer.from(h, "base64url").toString());
        claims = JSON.parse(Buffer.from(p, "base64url").toString());
      } catch {
        throw new InvalidTokenError("malformed token");
      }
      if (variant !== "accepts-any-key") {
        const key = header.alg === "ES256" && header.kid ? await keyFor(header.kid) : undefined;
        if (!key || !verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"))) throw new InvalidTokenError("bad signature");
      }
      if (claims.iss !== issuer) throw new InvalidTokenError("unknown issuer");
      const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
      return {
        token, clientId: claims.client_id ?? "unknown", scopes: (claims.scope ?? "").split(" ").filter(Boolean),
        // "accepts-expired" reports a lifetime it never read, so the SDK's own expiry check passes.
        expiresAt: variant === "accepts-expired" ? Math.floor(Date.now() / 1000) + 3600 : claims.exp,
        resource: aud ? new URL(aud) : undefined,
      };
    },
  };
}

export type TTestMcpServer = { url: string; variant: TMcpVariant; close: () => Promise<void> };

export async function startTestMcpServer(issuer: string, variant: TMcpVariant, port = 0): Promise<TTestMcpServer> {
  const app = express();
  app.use(express.json());
  let resourceUrl: URL | null = null;
  // The server URL is known once it listens: the routes read it lazily.
  app.use((req, res, next) => {
    if (variant === "no-prm" || !resourceUrl) return next();
    return mcpAuthMetadataRouter({
      oauthMetadata: { issuer, token_endpoint: `${issuer}/token`, authorization_endpoint: `${issuer}/authorize`, response_types_supported: ["code"], code_challenge_methods_supported: ["S256"] },
      resourceServerUrl: resourceUrl,
      resourceName: `Probe test (${variant})`,
    })(req, res, next);
  });
  if (variant === "accepts-query-token") {
    app.use("/mcp", (req, _res, next) => {
      if (typeof req.query.access_token === "string" && !req.headers.authorization) req.headers.authorization = `Bearer ${req.query.access_token}`;
      next();
    });
  }
  const verifier = jwksVerifier(issuer, variant);
  app.use("/mcp", (req, res, next) =>
    requireBearerAuth({
      verifier,
      expectedResource: variant === "no-audience-check" ? undefined : resourceUrl!,
      resourceMetadataUrl: variant === "no-prm" ? undefined : getOAuthProtectedResourceMetadataUrl(resourceUrl!),
    })(req, res, next),
  );
  app.post("/mcp", async (req, res) => {
    // Stateless: a server and transport per request.
    const server = new McpServer({ name: `probe-test-${variant}`, version: "1.0.0" });
    server.registerTool("whoami", { description: "Says which client called" }, async (extra) => ({ content: [{ type: "text", text: extra.authInfo?.clientId ?? "?" }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => { void transport.close(); void server.close(); });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const { server, url } = await listen(app, port);
  resourceUrl = new URL(`${url}/mcp`);
  return { url: resourceUrl.href, variant, close: () => closeServer(server) };
}

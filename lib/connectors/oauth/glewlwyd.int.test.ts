import { createPublicKey, verify as verifySignature, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConnectorContext } from "../contract";
import { ProviderError } from "../provider-error";
import { CONNECTORS } from "../registry";
import { runConnectorContractSuite } from "../testing/contract-suite";
import { glewlwydAvailability } from "../testing/glewlwyd-process";
import { GLEWLWYD_CLIENT, GLEWLWYD_INTROSPECT_SCOPE, GLEWLWYD_RESOURCE, startGlewlwydPeer, type TGlewlwydPeer, type TGlewlwydRegistration } from "../testing/glewlwyd-peer";
import { ZOAuthConfig } from "./connector";
import { discover } from "./metadata";

/**
 * The OAuth connector against a second, independent authorization server: Debian's Glewlwyd,
 * started per suite by testing/glewlwyd-peer.ts. Without Glewlwyd these tests are skipped with the
 * reason locally; in CI (which runs as root and installs it) its absence fails the run.
 */

const availability = glewlwydAvailability();
if (!availability.installed && !process.env.CI) process.stderr.write(`\n⚠ SKIPPING the Glewlwyd connector tests: ${availability.reason}\n`);

const ctxFor = (issuer: string, clientSecret = GLEWLWYD_CLIENT.clientSecret, extra: Record<string, unknown> = {}): TConnectorContext<unknown, unknown> => ({
  config: ZOAuthConfig.parse({ issuer, clientId: GLEWLWYD_CLIENT.clientId, ...extra }),
  secret: { clientSecret },
  timeoutMs: 5000,
});

const caps = () => {
  const { testConnection, issue, verify, revoke } = CONNECTORS.oauth.capabilities;
  if (!testConnection.supported || !issue.supported || !verify.supported || !revoke.supported) throw new Error("declared unsupported");
  return { test: testConnection.run, issue: issue.run, verify: verify.run, revoke: revoke.run };
};

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const decodePart = (jwt: string, index: 0 | 1) => JSON.parse(Buffer.from(jwt.split(".")[index]!, "base64url").toString("utf8")) as Record<string, unknown>;

// Declared only when Glewlwyd is missing, so an installed run counts no skipped test.
if (!availability.installed) {
  const { reason } = availability;
  describe("Glewlwyd peer", () => {
    it("is installed (the OAuth connector's second peer)", (ctx) => {
      if (process.env.CI) throw new Error(`${reason} CI runs as root, so scripts/test.mjs should have installed it.`);
      ctx.skip(reason);
    });
  });
}

describe.skipIf(!availability.installed)("Glewlwyd", () => {
  runConnectorContractSuite("oauth (Glewlwyd)", CONNECTORS.oauth, {
    setup: async () => {
      const peer = await startGlewlwydPeer();
      const registered = new Map<string, TGlewlwydRegistration>();
      return {
        ctx: ctxFor(peer.issuer),
        // Keeps the issuer's path shape: Glewlwyd's issuers are <base>/api/<plugin>.
        atBaseUrl: (url) => ctxFor(`${url}/api/oidc`),
        wrongSecret: ctxFor(peer.issuer, "not-the-secret"),
        issueRequest: { scopes: ["inventory:read"], resource: GLEWLWYD_RESOURCE },
        expectedAudience: GLEWLWYD_RESOURCE,
        sync: {
          seed: async (count) => {
            const clients = await Promise.all(Array.from({ length: count }, (_, i) => peer.register(`contract client ${i}`)));
            clients.forEach((c) => registered.set(`client_secret:${c.client_id}`, c));
            const registrations = clients.map((c) => `${c.registration_client_uri} ${c.registration_access_token}`).join("\n");
            return {
              ctx: { ...ctxFor(peer.issuer), secret: { clientSecret: GLEWLWYD_CLIENT.clientSecret, registrations } },
              credentialIds: clients.map((c) => `client_secret:${c.client_id}`),
              secrets: clients.flatMap((c) => [c.client_secret!, c.registration_access_token]),
            };
          },
          remove: (id) => peer.remove(registered.get(id)!),
        },
        close: peer.close,
      };
    },
  });

  describe("oauth connector specifics against Glewlwyd", () => {
    let peer: TGlewlwydPeer;
    beforeAll(async () => {
      peer = await startGlewlwydPeer();
      process.stdout.write(`Glewlwyd ${peer.baseUrl}: process answering in ${peer.timings.startMs} ms, configured over its admin API in ${peer.timings.configureMs} ms\n`);
    });
    afterAll(() => peer?.close());

    it("finds metadata by OpenID discovery under the issuer's path (RFC 8414's well-known URL is 404 there)", async () => {
      const base = new URL(peer.issuer);
      expect((await fetch(`${base.origin}/.well-known/oauth-authorization-server${base.pathname}`)).status).toBe(404);
      const metadata = await discover(peer.issuer);
      expect(metadata).toMatchObject({ issuer: peer.issuer, token_endpoint: `${peer.issuer}/token`, introspection_endpoint: `${peer.issuer}/introspect`, revocation_endpoint: `${peer.issuer}/revoke` });
      // Glewlwyd lists client_credentials as a response type, never as a grant type.
      expect(metadata.grant_types_supported).not.toContain("client_credentials");
    });

    it("issues an RFC 9068 JWT access token bound to the resource and signed with a key from its JWKS", async () => {
      const issued = await caps().issue(ctxFor(peer.issuer), { scopes: ["inventory:read"], resource: GLEWLWYD_RESOURCE });
      expect(issued.tokenType.toLowerCase()).toBe("bearer");
      const header = decodePart(issued.value, 0);
      const claims = decodePart(issued.value, 1);
      expect(header).toMatchObject({ typ: "at+jwt", alg: "ES256" });
      expect(claims).toMatchObject({ iss: peer.issuer, aud: GLEWLWYD_RESOURCE, client_id: GLEWLWYD_CLIENT.clientId, sub: GLEWLWYD_CLIENT.clientId, scope: "inventory:read" });
      expect(Math.abs((claims.exp as number) * 1000 - issued.expiresAt!.getTime())).toBeLessThan(5000);
      const jwks = (await (await fetch(`${peer.issuer}/jwks`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
      const key = jwks.keys.find((k) => k.kid === header.kid);
      expect(key, "the signing key is published").toBeDefined();
      const [h, p, s] = issued.value.split(".") as [string, string, string];
      expect(verifySignature("sha256", Buffer.from(`${h}.${p}`), { key: createPublicKey({ key: key!, format: "jwk" }), dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"))).toBe(true);
    });

    it("introspection reports scope, audience, expiry and client id; a JWT it issued can be revoked there", async () => {
      const ctx = ctxFor(peer.issuer);
      const issued = await caps().issue(ctx, { scopes: ["inventory:read", "inventory:write"], resource: GLEWLWYD_RESOURCE });
      const v = await caps().verify(ctx, { value: issued.value });
      expect(v).toMatchObject({ active: true, audience: [GLEWLWYD_RESOURCE], clientId: GLEWLWYD_CLIENT.clientId });
      expect(v.scopes.sort()).toEqual(["inventory:read", "inventory:write"]);
      expect(v.expiresAt!.getTime()).toBe((decodePart(issued.value, 1).exp as number) * 1000);
      // oidc-provider refuses to revoke or introspect JWT access tokens (unsupported_token_type).
      await caps().revoke(ctx, { value: issued.value });
      expect((await caps().verify(ctx, { value: issued.value })).active).toBe(false);
    });

    it("a wrong secret is refused: 401 at introspection, 403 at the token endpoint, both non-retryable and named", async () => {
      const wrong = ctxFor(peer.issuer, "not-the-secret");
      const atTest = await failure(caps().test(wrong));
      expect([atTest.status, atTest.retryable]).toEqual([401, false]);
      expect(atTest.message).toMatch(/introspection endpoint refused client "tokenward-connector"/);
      // RFC 6749 §5.2 wants 401 invalid_client; Glewlwyd answers 403 with an empty body.
      const atIssue = await failure(caps().issue(wrong, { scopes: ["inventory:read"] }));
      expect([atIssue.status, atIssue.retryable]).toEqual([403, false]);
      expect(atIssue.message).toMatch(/token endpoint refused client "tokenward-connector".*client id and secret/);
    });

    it("requesting no scope is refused by Glewlwyd (oidc-provider issues one), with the scopes named as a thing to check", async () => {
      const e = await failure(caps().issue(ctxFor(peer.issuer), { scopes: [] }));
      expect([e.status, e.retryable]).toEqual([403, false]);
      expect(e.message).toMatch(/scopes requested/);
    });

    it("client_secret_post works at the token and introspection endpoints, and the default resource applies", async () => {
      const ctx = ctxFor(peer.issuer, GLEWLWYD_CLIENT.clientSecret, { tokenEndpointAuth: "client_secret_post", defaultResource: GLEWLWYD_RESOURCE });
      const issued = await caps().issue(ctx, { scopes: ["inventory:write"] });
      expect(await caps().verify(ctx, { value: issued.value })).toMatchObject({ active: true, scopes: ["inventory:write"], audience: [GLEWLWYD_RESOURCE] });
    });

    it("where introspection takes only a bearer token, client_secret mode is refused with a hint and bearer_token mode works end to end", async () => {
      const plain = await failure(caps().test(ctxFor(peer.bearerIssuer)));
      expect(plain.status).toBe(401);
      expect(plain.message).toMatch(/set introspection authentication to bearer_token/);

      const ctx = ctxFor(peer.bearerIssuer, GLEWLWYD_CLIENT.clientSecret, { introspectionAuth: "bearer_token", introspectionScope: GLEWLWYD_INTROSPECT_SCOPE });
      expect((await caps().test(ctx)).detail).toMatch(/with a token it obtained/);
      const issued = await caps().issue(ctx, { scopes: ["inventory:read"], resource: GLEWLWYD_RESOURCE });
      expect(await caps().verify(ctx, { value: issued.value })).toMatchObject({ active: true, audience: [GLEWLWYD_RESOURCE], clientId: GLEWLWYD_CLIENT.clientId });
      await caps().revoke(ctx, { value: issued.value });
      expect((await caps().verify(ctx, { value: issued.value })).active).toBe(false);

      const wrongScope = ctxFor(peer.bearerIssuer, GLEWLWYD_CLIENT.clientSecret, { introspectionAuth: "bearer_token", introspectionScope: "inventory:read" });
      const refused = await failure(caps().test(wrongScope));
      expect([refused.status, refused.retryable]).toEqual([401, false]);
      expect(refused.message).toMatch(/refused the access token Tokenward obtained with scope "inventory:read"/);
    });

    it("a bearer token may introspect another client's token; the client's own credentials only its own", async () => {
      const other = await peer.register("another agent");
      const basic = `Basic ${Buffer.from(`${other.client_id}:${other.client_secret}`).toString("base64")}`;
      const token = async (issuer: string) => {
        const response = await fetch(`${issuer}/token`, { method: "POST", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials&scope=inventory:read" });
        expect(response.status).toBe(200);
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const bearer = ctxFor(peer.bearerIssuer, GLEWLWYD_CLIENT.clientSecret, { introspectionAuth: "bearer_token", introspectionScope: GLEWLWYD_INTROSPECT_SCOPE });
      expect(await caps().verify(bearer, { value: await token(peer.bearerIssuer) })).toMatchObject({ active: true, clientId: other.client_id });
      expect((await caps().verify(ctxFor(peer.issuer), { value: await token(peer.issuer) })).active).toBe(false);
    });

    it("a synced client secret verifies by reading its registration (RFC 7592), inactive once the client is deleted", async () => {
      const registration = await peer.register("synced agent");
      const ctx = { ...ctxFor(peer.issuer), secret: { clientSecret: GLEWLWYD_CLIENT.clientSecret, registrations: `${registration.registration_client_uri} ${registration.registration_access_token}` } };
      const ref = { kind: "client_secret" as const, externalId: `client_secret:${registration.client_id}`, metadata: { registrationClientUri: registration.registration_client_uri } };
      expect(await caps().verify(ctx, ref)).toMatchObject({ active: true, clientId: registration.client_id, expiresAt: undefined });
      await peer.remove(registration);
      expect((await caps().verify(ctx, ref)).active).toBe(false);
    });

    it("bearer_token mode needs the scope", () => {
      const parsed = ZOAuthConfig.safeParse({ issuer: peer.issuer, clientId: "c", introspectionAuth: "bearer_token" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["introspectionScope"]);
    });
  });
});

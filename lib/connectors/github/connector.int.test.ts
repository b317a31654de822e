import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TConnectorContext } from "../contract";
import { ProviderError } from "../provider-error";
import { CONNECTORS } from "../registry";
import { runConnectorContractSuite } from "../testing/contract-suite";
import { appKey, githubFixture } from "../testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "../testing/github-peer/server";

/**
 * The GitHub connector against the fake GitHub (lib/connectors/testing/github-peer): every request
 * it sends and every answer it gets is checked against GitHub's OpenAPI description, and any
 * violation fails the test that caused it.
 */

let peer: TGithubPeer | undefined;
afterEach(() => {
  expect(peer?.takeViolations() ?? []).toEqual([]);
});

runConnectorContractSuite("github (OpenAPI-validated fake)", CONNECTORS.github, {
  setup: async () => {
    peer = await startGithubPeer();
    const main = githubFixture(peer);
    const person = { login: "octo-dev", id: 424242, email: "octo-dev@example.test" };
    return {
      ctx: main.ctx,
      atBaseUrl: (url) => main.ctxFor({ apiBaseUrl: url }),
      wrongSecret: main.ctxFor({}, appKey(1).privateKeyPem),
      issueRequest: { scopes: ["contents:read", "issues:write"] },
      sync: {
        // Each seed is a fresh organisation with the App installed: its PATs are all the sync sees.
        seed: async (count) => {
          const fresh = githubFixture(peer!);
          const pats = Array.from({ length: count }, (_, i) => fresh.world.addPat(fresh.org.spec.login, { owner: person, tokenName: `deploy ${i}` }));
          return { ctx: fresh.ctx, credentialIds: pats.map((p) => `pat:${p.grantId}:${p.tokenId}`), secrets: pats.map((p) => p.value) };
        },
        // The owner deletes the token on github.com: it no longer reaches any organisation.
        remove: async (externalId) => {
          const grantId = Number(externalId.split(":")[1]);
          for (const org of peer!.world.orgs.values()) if (org.pats.remove(grantId)) return;
          throw new Error(`no grant ${grantId}`);
        },
      },
      close: () => peer!.close(),
    };
  },
});

describe("github connector: connection", () => {
  beforeAll(async () => {
    peer = await startGithubPeer();
  });
  afterAll(() => peer?.close());
  const test = CONNECTORS.github.capabilities.testConnection;
  const run = (ctx: TConnectorContext<unknown, unknown>) => {
    if (!test.supported) throw new Error("declared unsupported");
    return test.run(ctx);
  };
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a ProviderError"), (e: unknown) => e as ProviderError);

  it("names the app, organisation, installation and permissions, and leaves no token alive", async () => {
    const f = githubFixture(peer!);
    const result = await run(f.ctx);
    expect(result.detail).toContain(`GitHub App "${f.app.name}" (id ${f.app.id}) is installed on ${f.org.spec.login} as installation ${f.installation.id}`);
    expect(result.detail).toContain("organization_personal_access_tokens:write");
    expect(result.detail).not.toContain("Warning");
    // The token minted to prove the chain was revoked with itself.
    expect(f.world.tokens.size).toBe(1);
    expect(f.world.liveTokens(f.installation.id)).toBe(0);
    expect(peer!.log.slice(-4).map((l) => `${l.operationId} ${l.status}`)).toEqual([
      "apps/get-authenticated 200",
      "apps/get-org-installation 200",
      "apps/create-installation-access-token 201",
      "apps/revoke-installation-access-token 204",
    ]);
  });

  it("warns when the installation cannot manage PATs or review requests", async () => {
    const f = githubFixture(peer!, { permissions: { organization_personal_access_tokens: "read", metadata: "read" } });
    const { detail } = await run(f.ctx);
    expect(detail).toMatch(/Warning: "Personal access tokens" is read-only \(organization_personal_access_tokens: read\): fine-grained PATs sync but cannot be revoked/);
    expect(detail).toMatch(/Warning: "Personal access token requests" is not granted/);
    const none = githubFixture(peer!, { permissions: { metadata: "read" } });
    expect((await run(none.ctx)).detail).toMatch(/No "Personal access tokens" permission/);
  });

  it("a wrong private key and a wrong app id are both GitHub's 401, with a hint", async () => {
    const f = githubFixture(peer!);
    for (const ctx of [f.ctxFor({}, appKey(1).privateKeyPem), f.ctxFor({ appId: f.app.id + 100_000 })]) {
      const e = await failure(run(ctx));
      expect([e.kind, e.status, e.retryable, e.providerMessage]).toEqual(["http", 401, false, "A JSON web token could not be decoded"]);
      expect(e.message).toMatch(/Check the App ID, and that the private key is one of this App's keys/);
    }
  });

  it("an App not installed on the organisation, or an installation of another org, is a config error", async () => {
    const f = githubFixture(peer!);
    const other = f.world.createOrg(`elsewhere-${f.app.id}`);
    const notInstalled = await failure(run(f.ctxFor({ org: other.spec.login })));
    expect([notInstalled.kind, notInstalled.status]).toEqual(["config", 404]);
    expect(notInstalled.message).toMatch(new RegExp(`App ${f.app.id} is not installed on ${other.spec.login}`));
    const theirs = f.world.install(f.app.id, other.spec.login);
    const mismatch = await failure(run(f.ctxFor({ installationId: theirs.id })));
    expect(mismatch.message).toBe(`Installation ${theirs.id} belongs to ${other.spec.login}, not to ${f.org.spec.login}.`);
    expect((await run(f.ctxFor({ installationId: f.installation.id }))).ok).toBe(true);
  });

  it("corrects a skewed clock the way @octokit/auth-app does (GitHub's Date header)", async () => {
    const f = githubFixture(peer!);
    f.world.clockOffsetMs = -5 * 60_000;
    const from = peer!.log.length;
    try {
      expect((await run(f.ctx)).ok).toBe(true);
      // Each App-JWT call is refused once ('iat' in GitHub's future), then re-signed by GitHub's clock.
      expect(peer!.log.slice(from, from + 2).map((l) => `${l.operationId} ${l.status}`)).toEqual(["apps/get-authenticated 401", "apps/get-authenticated 200"]);
    } finally {
      f.world.clockOffsetMs = 0;
    }
  });

  it("rate limits are retryable: 403 with retry-after (secondary), 403 with no quota left, and 429", async () => {
    const f = githubFixture(peer!);
    peer!.failNext("apps/get-authenticated", { status: 403, message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", headers: { "retry-after": "60" } });
    const secondary = await failure(run(f.ctx));
    expect([secondary.kind, secondary.status, secondary.retryable]).toEqual(["http", 403, true]);
    expect(secondary.message).toMatch(/retry after 60 s/);
    peer!.failNext("apps/get-org-installation", { status: 403, message: "API rate limit exceeded for installation.", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1893456000" } });
    const primary = await failure(run(f.ctx));
    expect([primary.status, primary.retryable]).toEqual([403, true]);
    expect(primary.message).toMatch(/rate limit exhausted until 2030-01-01/);
    peer!.failNext("*", { status: 429, message: "Too many requests" });
    expect([(await failure(run(f.ctx))).status, true]).toEqual([429, true]);
    // A plain 403 is not a rate limit.
    peer!.failNext("*", { status: 403, message: "Must have admin rights to Repository." });
    expect((await failure(run(f.ctx))).retryable).toBe(false);
  });

  it("JSON that does not parse is an invalid response naming JSON, not a shape error", async () => {
    const f = githubFixture(peer!);
    peer!.failNext("apps/get-authenticated", { status: 200, message: "", body: '{"id": 1, "name": ', contentType: "application/json; charset=utf-8" });
    const e = await failure(run(f.ctx));
    expect([e.kind, e.retryable]).toEqual(["invalid_response", false]);
    expect(e.message).toMatch(/did not answer with JSON \(got application\/json; charset=utf-8: "\{"id": 1, "name": "\)/);
  });

  it("serves GitHub Enterprise Server's /api/v3 base the same way", async () => {
    const ghes = await startGithubPeer({ apiRoot: "/api/v3" });
    try {
      const f = githubFixture(ghes);
      expect(ghes.url).toMatch(/\/api\/v3$/);
      expect((await run(f.ctx)).ok).toBe(true);
      expect(ghes.log.every((l) => l.path.startsWith("/api/v3/"))).toBe(true);
      expect(ghes.takeViolations()).toEqual([]);
    } finally {
      await ghes.close();
    }
  });

  it("refuses to follow a redirect", async () => {
    const { startPeer } = await import("../testing/peer");
    const moved = await startPeer((_req, res) => {
      res.writeHead(301, { location: "https://api.github.com/app" });
      res.end();
    });
    try {
      const f = githubFixture(peer!);
      const e = await failure(run(f.ctxFor({ apiBaseUrl: moved.url })));
      expect([e.kind, e.status, e.retryable]).toEqual(["http", 301, false]);
      expect(e.message).toMatch(/redirects to https:\/\/api.github.com\/app/);
    } finally {
      await moved.close();
    }
  });
});

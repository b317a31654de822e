import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TConnectorContext, TSyncItem, TSyncedCredential } from "../contract";
import { ProviderError } from "../provider-error";
import { githubFixture } from "../testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "../testing/github-peer/server";
import { listPatAccessRequests, reviewPatAccessRequest } from "./access-requests";
import type { TGithubCtx } from "./config";
import { githubConnector, revokePatGrants } from "./connector";

/** Fine-grained PAT inventory and management against the OpenAPI-validated fake GitHub. */

let peer: TGithubPeer;
beforeAll(async () => {
  peer = await startGithubPeer();
});
afterAll(() => peer?.close());
afterEach(() => {
  expect(peer.takeViolations()).toEqual([]);
});

const { sync, verify, revoke, lastUsed } = githubConnector.capabilities;
if (!sync.supported || !verify.supported || !revoke.supported || !lastUsed.supported) throw new Error("declared unsupported");
const asGithub = (ctx: TConnectorContext<unknown, unknown>) => ctx as TGithubCtx;
const syncRun = sync.run;

async function collect(ctx: TConnectorContext<unknown, unknown>): Promise<TSyncItem[]> {
  const items: TSyncItem[] = [];
  for await (const item of syncRun(asGithub(ctx))) items.push(item);
  return items;
}
const credentialsOf = (items: TSyncItem[]) => items.filter((i): i is TSyncedCredential => i.kind === "credential");
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a ProviderError"), (e: unknown) => e as ProviderError);
const alice = { login: "alice", id: 7001, email: "alice@example.test" };
const bob = { login: "bob", id: 7002, email: null };

describe("github PAT sync", () => {
  it("pages through 250 grants with per_page=100 and Link headers, oldest first, each once", async () => {
    const f = githubFixture(peer);
    f.world.generatePats(f.org.spec.login, 250);
    const from = peer.log.length;
    const items = await collect(f.ctx);
    const listed = peer.log.slice(from).filter((l) => l.operationId === "orgs/list-pat-grants");
    expect(listed.map((l) => l.status)).toEqual([200, 200, 200]);
    const credentials = credentialsOf(items);
    expect(credentials).toHaveLength(250);
    expect(new Set(credentials.map((c) => c.externalId)).size).toBe(250);
    const grantIds = credentials.map((c) => Number(c.externalId.split(":")[1]));
    expect(grantIds).toEqual([...grantIds].sort((a, b) => a - b));
    expect(items.filter((i) => i.kind === "progress")).toEqual([
      { kind: "progress", seen: 100 },
      { kind: "progress", seen: 200 },
      { kind: "progress", seen: 250 },
      { kind: "progress", seen: 250, total: 250 },
    ]);
    expect(items[0]).toMatchObject({ kind: "identity", externalId: `installation:${f.installation.id}`, identityKind: "app" });
    expect(credentials.every((c) => c.identityExternalId === undefined)).toBe(true);
  });

  it("maps a grant: scopes in the catalogue's form, owner e-mail when GitHub shows one, expiry and last use", async () => {
    const f = githubFixture(peer);
    const org = f.org.spec.login;
    const a = f.world.addPat(org, {
      owner: alice,
      tokenName: "release bot",
      permissions: { organization: { members: "read" }, repository: { contents: "write", metadata: "read", administration: "write" } },
      repositorySelection: "subset",
      expiresAt: "2031-02-03T04:05:06Z",
      lastUsedAt: "2026-11-30T12:00:00Z",
    });
    const b = f.world.addPat(org, { owner: bob, expiresAt: null, lastUsedAt: null });
    const [ca, cb] = credentialsOf(await collect(f.ctx));
    expect(ca).toEqual({
      kind: "credential",
      externalId: `pat:${a.grantId}:${a.tokenId}`,
      name: "release bot",
      credentialKind: "pat",
      ownerEmail: "alice@example.test",
      scopes: ["administration:write", "contents:write", "members:read", "metadata:read"],
      issuedAt: new Date(a.accessGrantedAt),
      expiresAt: new Date("2031-02-03T04:05:06Z"),
      lastUsedAt: new Date("2026-11-30T12:00:00Z"),
      metadata: expect.objectContaining({ org, patId: a.grantId, tokenId: a.tokenId, ownerLogin: "alice", repositorySelection: "subset", tokenExpired: false }),
    });
    expect(cb).not.toHaveProperty("ownerEmail");
    expect(cb).not.toHaveProperty("expiresAt");
    expect(cb).not.toHaveProperty("lastUsedAt");
    expect(cb!.externalId).toBe(`pat:${b.grantId}:${b.tokenId}`);
  });

  it("a revoked PAT is gone from the next sync; revoking it again is a no-op", async () => {
    const f = githubFixture(peer);
    const keep = f.world.addPat(f.org.spec.login, { owner: alice });
    const drop = f.world.addPat(f.org.spec.login, { owner: bob });
    const id = `pat:${drop.grantId}:${drop.tokenId}`;
    await revoke.run(asGithub(f.ctx), { externalId: id, kind: "pat" });
    expect(peer.log.at(-1)).toMatchObject({ operationId: "orgs/update-pat-access", status: 204 });
    expect(credentialsOf(await collect(f.ctx)).map((c) => c.externalId)).toEqual([`pat:${keep.grantId}:${keep.tokenId}`]);
    await revoke.run(asGithub(f.ctx), { externalId: id });
    expect(peer.log.at(-1)).toMatchObject({ operationId: "orgs/update-pat-access", status: 404 });
  });

  it("counts pending access requests in a warning, in one request", async () => {
    const f = githubFixture(peer);
    f.world.addPat(f.org.spec.login, { owner: alice });
    for (let i = 0; i < 3; i++) f.world.addAccessRequest(f.org.spec.login, { owner: bob });
    const items = await collect(f.ctx);
    expect(items.filter((i) => i.kind === "warning")).toEqual([{ kind: "warning", message: `3 fine-grained PAT access requests are waiting for review in ${f.org.spec.login}.` }]);
    expect(peer.log.filter((l) => l.operationId === "orgs/list-pat-grant-requests").at(-1)).toMatchObject({ status: 200 });
  });

  it("an installation without the PAT permission is a clear error before anything is listed", async () => {
    const f = githubFixture(peer, { permissions: { metadata: "read" } });
    const e = await failure(collect(f.ctx));
    expect([e.kind, e.retryable]).toEqual(["config", false]);
    expect(e.message).toBe(`The App's installation on ${f.org.spec.login} lacks the organization permission "Personal access tokens" (organization_personal_access_tokens: read); add it in the App's settings and accept it on the installation.`);
  });

  it("a read-only installation syncs but cannot revoke: GitHub's 403 with what to grant", async () => {
    const f = githubFixture(peer, { permissions: { organization_personal_access_tokens: "read", metadata: "read" } });
    const pat = f.world.addPat(f.org.spec.login, { owner: alice });
    const items = await collect(f.ctx);
    expect(credentialsOf(items)).toHaveLength(1);
    expect(items.some((i) => i.kind === "warning" && /lacks organization_personal_access_token_requests/.test(i.message))).toBe(true);
    const e = await failure(revoke.run(asGithub(f.ctx), { externalId: `pat:${pat.grantId}:${pat.tokenId}` }));
    expect([e.kind, e.status, e.retryable, e.providerMessage]).toEqual(["http", 403, false, "Resource not accessible by integration"]);
    expect(e.message).toMatch(/\(organization_personal_access_tokens: write\)/);
  });

  it("a server error half-way fails the sync (nothing is swept as gone), retryable", async () => {
    const f = githubFixture(peer);
    f.world.generatePats(f.org.spec.login, 150);
    const items: TSyncItem[] = [];
    const e = await failure(
      (async () => {
        let pages = 0;
        for await (const item of syncRun(asGithub(f.ctx))) {
          items.push(item);
          if (item.kind === "progress" && ++pages === 1) peer.failNext("orgs/list-pat-grants", { status: 502, message: "Server Error" });
        }
      })(),
    );
    expect([e.status, e.retryable]).toEqual([502, true]);
    expect(credentialsOf(items)).toHaveLength(100);
  });
});

describe("github PAT verify and last use", () => {
  it("active while listed and unexpired, inactive once expired or gone; one filtered request each", async () => {
    const f = githubFixture(peer);
    const org = f.org.spec.login;
    f.world.generatePats(org, 120);
    const live = f.world.addPat(org, { owner: alice, permissions: { repository: { contents: "read" } }, expiresAt: "2032-01-01T00:00:00Z", lastUsedAt: "2026-12-01T08:00:00Z" });
    const expired = f.world.addPat(org, { owner: bob, expiresAt: "2020-01-01T00:00:00Z" });
    const ctx = asGithub(f.ctx);
    const from = peer.log.length;
    expect(await verify.run(ctx, { externalId: `pat:${live.grantId}:${live.tokenId}` })).toEqual({
      active: true,
      scopes: ["contents:read"],
      audience: [],
      expiresAt: new Date("2032-01-01T00:00:00Z"),
      subject: "alice",
    });
    expect(peer.log.slice(from).filter((l) => l.operationId === "orgs/list-pat-grants")).toHaveLength(1);
    expect((await verify.run(ctx, { externalId: `pat:${expired.grantId}:${expired.tokenId}` })).active).toBe(false);
    expect(await lastUsed.run(ctx, { externalId: `pat:${live.grantId}:${live.tokenId}` })).toEqual(new Date("2026-12-01T08:00:00Z"));
    expect(await lastUsed.run(ctx, { externalId: `pat:${expired.grantId}:${expired.tokenId}` })).toBeNull();
    // An id without the token id (older records) is found by reading the pages.
    expect((await verify.run(ctx, { externalId: `pat:${live.grantId}` })).active).toBe(true);
    f.world.org(org)!.pats.remove(live.grantId);
    expect((await verify.run(ctx, { externalId: `pat:${live.grantId}:${live.tokenId}` })).active).toBe(false);
    const gone = await failure(lastUsed.run(ctx, { externalId: `pat:${live.grantId}:${live.tokenId}` }));
    expect([gone.status, gone.message]).toEqual([404, `${org} no longer lists this PAT: it was revoked or deleted.`]);
  });

  it("last use of an installation token is not something GitHub reports", async () => {
    const f = githubFixture(peer);
    const e = await failure(lastUsed.run(asGithub(f.ctx), { value: "ghs_x", kind: "installation_token" }));
    expect(e.kind).toBe("unsupported");
  });
});

describe("github PAT bulk revoke, leaked tokens, access requests", () => {
  it("bulk revoke answers 202 and GitHub revokes shortly after", async () => {
    const f = githubFixture(peer);
    const pats = [0, 1, 2].map(() => f.world.addPat(f.org.spec.login, { owner: alice }));
    f.world.bulkRevokeDelayMs = 60_000;
    try {
      await revokePatGrants(asGithub(f.ctx), pats.slice(0, 2).map((p) => `pat:${p.grantId}:${p.tokenId}`));
      expect(peer.log.at(-1)).toMatchObject({ operationId: "orgs/update-pat-accesses", status: 202 });
      // Accepted is not done: until GitHub gets to it, it still lists them.
      expect(credentialsOf(await collect(f.ctx))).toHaveLength(3);
      f.world.settleBulkRevokes();
      expect(credentialsOf(await collect(f.ctx)).map((c) => c.externalId)).toEqual([`pat:${pats[2]!.grantId}:${pats[2]!.tokenId}`]);
    } finally {
      f.world.bulkRevokeDelayMs = 0;
    }
  });

  it("a leaked PAT value is revoked through POST /credentials/revoke, unauthenticated", async () => {
    const f = githubFixture(peer);
    const leaked = f.world.addPat(f.org.spec.login, { owner: alice });
    await revoke.run(asGithub(f.ctx), { value: leaked.value });
    expect(peer.log.at(-1)).toMatchObject({ operationId: "credentials/revoke", status: 202 });
    expect(credentialsOf(await collect(f.ctx))).toHaveLength(0);
    const e = await failure(revoke.run(asGithub(f.ctx), { value: "sk-not-github" }));
    expect(e.kind).toBe("config");
    // GitHub Enterprise Server has no such endpoint: a 404 there says so.
    peer.failNext("credentials/revoke", { status: 404, message: "Not Found" });
    const ghes = await failure(revoke.run(asGithub(f.ctx), { value: f.world.patValue(leaked.tokenId + 999) }));
    expect([ghes.kind, ghes.status]).toEqual(["unsupported", 404]);
    expect(ghes.message).toMatch(/has no POST \/credentials\/revoke \(GitHub Enterprise Server does not offer it\)/);
  });

  it("lists pending requests and approves one (it becomes a grant) and denies another with a reason", async () => {
    const f = githubFixture(peer);
    const org = f.org.spec.login;
    const wants = f.world.addAccessRequest(org, { owner: alice, tokenName: "ci deploy", reason: "deploys", permissions: { repository: { contents: "write" } } });
    const overreach = f.world.addAccessRequest(org, { owner: bob, tokenName: "everything", reason: null, permissions: { organization: { organization_administration: "write" } } });
    const ctx = asGithub(f.ctx);
    const listed = [];
    for await (const request of listPatAccessRequests(ctx)) listed.push(request);
    expect(listed.map((r) => [r.id, r.tokenName, r.owner.login, r.reason, r.scopes])).toEqual([
      [wants.requestId, "ci deploy", "alice", "deploys", ["contents:write"]],
      [overreach.requestId, "everything", "bob", null, ["organization_administration:write"]],
    ]);
    expect(listed[0]!.owner.email).toBe("alice@example.test");

    await reviewPatAccessRequest(ctx, wants.requestId, { action: "approve" });
    await reviewPatAccessRequest(ctx, overreach.requestId, { action: "deny", reason: "Organization administration is too broad for a PAT." });
    expect(f.world.reviews.slice(-2)).toEqual([
      { org, requestId: wants.requestId, action: "approve", reason: null },
      { org, requestId: overreach.requestId, action: "deny", reason: "Organization administration is too broad for a PAT." },
    ]);
    expect(f.world.org(org)!.requests.size).toBe(0);
    const [granted] = credentialsOf(await collect(f.ctx));
    expect(granted).toMatchObject({ name: "ci deploy", scopes: ["contents:write"], ownerEmail: "alice@example.test" });
    expect(granted!.externalId).toMatch(new RegExp(`^pat:\\d+:${wants.tokenId}$`));
    const again = await failure(reviewPatAccessRequest(ctx, wants.requestId, { action: "approve" }));
    expect(again.status).toBe(404);
  });
});

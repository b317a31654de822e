import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TConnectorContext } from "../contract";
import { ProviderError } from "../provider-error";
import { githubFixture } from "../testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "../testing/github-peer/server";
import type { TGithubCtx } from "./config";
import { githubConnector } from "./connector";

/** GitHub App installation tokens: minted, verified, revoked against the OpenAPI-validated fake. */

let peer: TGithubPeer;
beforeAll(async () => {
  peer = await startGithubPeer();
});
afterAll(() => peer?.close());
afterEach(() => {
  expect(peer.takeViolations()).toEqual([]);
});

const { issue, verify, revoke } = githubConnector.capabilities;
if (!issue.supported || !verify.supported || !revoke.supported) throw new Error("declared unsupported");
const asGithub = (ctx: TConnectorContext<unknown, unknown>) => ctx as TGithubCtx;
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a ProviderError"), (e: unknown) => e as ProviderError);

describe("github installation tokens", () => {
  it("issue → verify active → revoke → verify inactive, and GitHub's state agrees at each step", async () => {
    const f = githubFixture(peer);
    const ctx = asGithub(f.ctx);
    const issued = await issue.run(ctx, { scopes: ["contents:read", "issues:write"] });
    expect(issued.value).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(issued.scopes).toEqual(["contents:read", "issues:write"]);
    const minted = f.world.tokens.get(issued.value)!;
    expect([minted.installationId, minted.permissions, minted.expiresAt]).toEqual([f.installation.id, { contents: "read", issues: "write" }, issued.expiresAt!.getTime()]);

    const ref = { value: issued.value, kind: "installation_token" as const, recorded: { scopes: issued.scopes, expiresAt: issued.expiresAt } };
    expect(await verify.run(ctx, ref)).toEqual({ active: true, scopes: ["contents:read", "issues:write"], audience: [], expiresAt: issued.expiresAt, fromRecord: ["scopes", "expiresAt"] });
    await revoke.run(ctx, ref);
    expect(peer.log.at(-1)).toMatchObject({ operationId: "apps/revoke-installation-access-token", status: 204 });
    expect(minted.revoked).toBe(true);
    expect(await verify.run(ctx, ref)).toEqual({ active: false, scopes: [], audience: [] });
    // Revoking a dead token again: GitHub says 401, the token is gone either way.
    await revoke.run(ctx, ref);
    expect(peer.log.at(-1)).toMatchObject({ operationId: "apps/revoke-installation-access-token", status: 401 });
  });

  it("a token limited to repositories reports them as its audience, from GitHub", async () => {
    const f = githubFixture(peer, { repos: ["api", "web", "infra"] });
    const issued = await issue.run(asGithub(f.ctx), { scopes: ["contents:read", "repository:api", "repository:infra"] });
    expect(issued.scopes).toEqual(["contents:read"]);
    expect(f.world.tokens.get(issued.value)!.repositories).toEqual(["api", "infra"]);
    const v = await verify.run(asGithub(f.ctx), { value: issued.value });
    expect(v).toMatchObject({ active: true, audience: [`${f.org.spec.login}/api`, `${f.org.spec.login}/infra`], scopes: [], fromRecord: ["scopes", "expiresAt"] });
  });

  it("without scopes the token carries every permission of the installation", async () => {
    const f = githubFixture(peer, { permissions: { metadata: "read", contents: "write" } });
    const issued = await issue.run(asGithub(f.ctx), { scopes: [] });
    expect(issued.scopes).toEqual(["contents:write", "metadata:read"]);
  });

  it("an expired token verifies inactive", async () => {
    const f = githubFixture(peer);
    const issued = await issue.run(asGithub(f.ctx), { scopes: ["contents:read"] });
    f.world.tokens.get(issued.value)!.expiresAt = f.world.now() - 1;
    expect((await verify.run(asGithub(f.ctx), { value: issued.value })).active).toBe(false);
  });

  it("asking for more than the installation holds is GitHub's 422, not retryable", async () => {
    const f = githubFixture(peer, { permissions: { metadata: "read", contents: "read" } });
    const e = await failure(issue.run(asGithub(f.ctx), { scopes: ["contents:write"] }));
    expect([e.kind, e.status, e.retryable, e.providerMessage]).toEqual(["http", 422, false, "The permissions requested are not granted to this installation."]);
    const unknownRepo = await failure(issue.run(asGithub(f.ctx), { scopes: ["contents:read", "repository:nope"] }));
    expect(unknownRepo.providerMessage).toMatch(/at least one repository that does not exist/);
  });

  it("a malformed scope is refused before GitHub is called", async () => {
    const f = githubFixture(peer);
    const before = peer.log.length;
    const e = await failure(issue.run(asGithub(f.ctx), { scopes: ["repo", "contents:execute"] }));
    expect(e.kind).toBe("config");
    expect(e.message).toMatch(/not: repo, contents:execute/);
    expect(peer.log.length).toBe(before);
  });

  it("the subject names the installation; another organisation's is refused", async () => {
    const f = githubFixture(peer);
    const issued = await issue.run(asGithub(f.ctx), { scopes: ["metadata:read"], subject: `installation:${f.installation.id}` });
    expect(f.world.tokens.get(issued.value)!.installationId).toBe(f.installation.id);
    const other = f.world.createOrg(`other-${f.app.id}`);
    const theirs = f.world.install(f.app.id, other.spec.login);
    const e = await failure(issue.run(asGithub(f.ctx), { scopes: ["metadata:read"], subject: String(theirs.id) }));
    expect([e.kind, e.message]).toEqual(["config", `Installation ${theirs.id} belongs to ${other.spec.login}, not to ${f.org.spec.login}.`]);
    expect((await failure(issue.run(asGithub(f.ctx), { scopes: [], subject: "alice" }))).kind).toBe("config");
  });

  it("a PAT's value is not verified by value (GitHub lists PATs by id)", async () => {
    const f = githubFixture(peer);
    const pat = f.world.addPat(f.org.spec.login, { owner: { login: "a", id: 1, email: null } });
    expect((await failure(verify.run(asGithub(f.ctx), { value: pat.value }))).kind).toBe("config");
  });
});

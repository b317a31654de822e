import { GetUserCommand, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConnectorContext, TSyncedCredential, TSyncItem } from "../contract";
import { ProviderError } from "../provider-error";
import { CONNECTORS } from "../registry";
import { IAM_ERRORS } from "../testing/aws-iam-recorded";
import { startIamPeer, type TIamPeer } from "../testing/aws-iam-peer";
import { createUsers, iamAs, peerContext } from "../testing/aws-iam-seed";

/** AWS behaviour the contract suite does not cover, each against the peer (emulate + recorded front). */

const caps = CONNECTORS.aws_iam.capabilities;
function cap<K extends keyof typeof caps>(name: K) {
  const c = caps[name];
  if (!c.supported) throw new Error(`${name} declared unsupported`);
  return c.run as Extract<(typeof caps)[K], { supported: true }>["run"];
}
const testConnection = cap("testConnection");
const issue = cap("issue");
const rotate = cap("rotate");
const revoke = cap("revoke");
const verify = cap("verify");
const lastUsed = cap("lastUsed");
const sync = cap("sync");

let peer: TIamPeer;
let ctx: TConnectorContext<unknown, unknown>;
beforeAll(async () => {
  peer = await startIamPeer();
  ctx = peerContext(peer);
});
afterAll(() => peer?.close());

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

async function collect(items: AsyncIterable<TSyncItem>): Promise<TSyncItem[]> {
  const out: TSyncItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const credentials = (items: TSyncItem[]) => items.filter((i): i is TSyncedCredential => i.kind === "credential");

let users = 0;
async function user(path = "/specs/"): Promise<string> {
  const name = `spec-user-${++users}`;
  await createUsers(peer, [name], path);
  return name;
}

describe("connection test", () => {
  it("names the account and the signing user; keys of another account are refused", async () => {
    expect((await testConnection(ctx)).detail).toMatch(/AWS account 123456789012 .* IAM user admin \(arn:aws:iam::123456789012:user\/admin\)/);
    const e = await failure(testConnection(peerContext(peer, { accountId: "111122223333" })));
    expect([e.kind, e.retryable, e.message]).toEqual(["config", false, expect.stringMatching(/belong to AWS account 123456789012, not 111122223333/)]);
  });

  it("a wrong secret is SignatureDoesNotMatch, an unknown key InvalidClientTokenId: 403, final, in AWS's words", async () => {
    const wrong = await failure(testConnection(peerContext(peer, {}, { secretAccessKey: "x".repeat(40) })));
    expect([wrong.status, wrong.retryable, wrong.providerMessage]).toEqual([403, false, expect.stringMatching(/^SignatureDoesNotMatch: The request signature we calculated/)]);
    expect(wrong.message).toMatch(/secret access key does not belong/);
    const unknown = await failure(testConnection(peerContext(peer, {}, { accessKeyId: "AKIAQQQQQQQQQQQQQQQQ" })));
    expect([unknown.status, unknown.retryable, unknown.providerMessage]).toEqual([403, false, "InvalidClientTokenId: The security token included in the request is invalid."]);
  });

  it("expired temporary credentials are ExpiredToken, final; fresh ones work, a role's too (no user of its own)", async () => {
    const expired = peer.state.issueSession({ userName: "admin", expiresInMs: -1000 });
    const e = await failure(testConnection(peerContext(peer, {}, expired)));
    expect([e.status, e.retryable, e.providerMessage]).toEqual([403, false, "ExpiredToken: The security token included in the request is expired"]);
    expect(e.message).toMatch(/temporary credentials have expired/);
    expect((await testConnection(peerContext(peer, {}, peer.state.issueSession({ userName: "admin", expiresInMs: 60_000 })))).detail).toMatch(/IAM user admin/);
    expect((await testConnection(peerContext(peer, {}, peer.state.issueSession({ expiresInMs: 60_000 })))).detail).toMatch(/temporary credentials that belong to no IAM user/);
  });

  it("throttling and 5xx are retryable with AWS's code; the single call does not retry on its own", async () => {
    peer.state.failNext(IAM_ERRORS.throttling, 1, "GetUser");
    const throttled = await failure(testConnection(ctx));
    expect([throttled.kind, throttled.status, throttled.retryable, throttled.providerMessage]).toEqual(["http", 400, true, "Throttling: Rate exceeded"]);
    peer.state.failNext({ status: 500, code: "ServiceFailure", message: "Request processing has failed due to some unknown error." }, 1, "GetUser");
    expect((await failure(testConnection(ctx))).retryable).toBe(true);
    // Each failure was one request: no SDK retry behind the workflow's back.
    expect(peer.state.requestsOf("GetUser").slice(-2).map((r) => r.code)).toEqual(["Throttling", "ServiceFailure"]);
  });
});

describe("issue, rotate, revoke", () => {
  it("a third key is LimitExceeded, clear and final; Inactive keys count; revoking one makes room", async () => {
    const name = await user();
    const first = await issue(ctx, { scopes: [], subject: name });
    await issue(ctx, { scopes: [], subject: name });
    const e = await failure(issue(ctx, { scopes: [], subject: name }));
    expect([e.status, e.retryable, e.providerMessage]).toEqual([409, false, "LimitExceeded: Cannot exceed quota for AccessKeysPerUser: 2"]);
    expect(e.message).toMatch(new RegExp(`IAM user ${name} already has two access keys`));
    await iamAs(peer).send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: first.externalId, Status: "Inactive" }));
    expect((await failure(issue(ctx, { scopes: [], subject: name }))).status).toBe(409);
    await revoke(ctx, { externalId: first.externalId });
    expect((await issue(ctx, { scopes: [], subject: name })).externalId).toMatch(/^AKIA/);
  });

  it("no user, an unknown user or a scope the user's policies do not grant is refused before any key exists", async () => {
    expect((await failure(issue(ctx, { scopes: [] }))).message).toMatch(/name the user \(the subject\)/);
    expect((await failure(issue(ctx, { scopes: [], subject: "nobody-here" }))).message).toMatch(/no IAM user named nobody-here/);
    const name = await user();
    peer.state.putUserPolicy(name, "reads", { Statement: [{ Effect: "Allow", Action: "s3:Get*", Resource: "*" }] });
    const before = peer.state.requestsOf("CreateAccessKey").length;
    const e = await failure(issue(ctx, { scopes: ["s3:GetObject", "s3:PutObject"], subject: name }));
    expect([e.kind, e.message]).toEqual(["config", expect.stringMatching(/do not allow s3:PutObject\. An access key carries exactly its user's permissions/)]);
    expect(peer.state.requestsOf("CreateAccessKey").length).toBe(before);
    expect((await issue(ctx, { scopes: ["s3:getobject"], subject: name })).scopes).toEqual(["s3:Get*"]);
  });

  it("revoke deactivates, then deletes; revoking again, or a key AWS never had, succeeds without a call to change anything", async () => {
    const name = await user();
    const key = await issue(ctx, { scopes: [], subject: name });
    await revoke(ctx, { externalId: key.externalId });
    const changes = peer.state.requests.filter((r) => r.params.AccessKeyId === key.externalId && ["UpdateAccessKey", "DeleteAccessKey"].includes(r.action));
    expect(changes.map((r) => [r.action, r.params.Status, r.status])).toEqual([
      ["UpdateAccessKey", "Inactive", 200],
      ["DeleteAccessKey", undefined, 200],
    ]);
    expect((await verify(ctx, { externalId: key.externalId })).active).toBe(false);
    const count = peer.state.requests.length;
    await revoke(ctx, { externalId: key.externalId });
    await revoke(ctx, { externalId: "AKIAZZZZZZZZZZZZZZZY" });
    expect(peer.state.requests.slice(count).map((r) => `${r.action} ${r.status}`)).toEqual(["GetAccessKeyLastUsed 404", "GetAccessKeyLastUsed 404"]);
  });

  it("refuses to revoke the key the provider itself signs with", async () => {
    const e = await failure(revoke(ctx, { externalId: peer.admin.accessKeyId }));
    expect([e.kind, e.message]).toEqual(["config", expect.stringMatching(/is the key this provider signs in with/)]);
    expect(peer.state.keys.get(peer.admin.accessKeyId)?.status).toBe("Active");
  });

  it("rotate creates the user's second key and leaves the first one active until it is revoked", async () => {
    const name = await user();
    const old = await issue(ctx, { scopes: [], subject: name });
    const fresh = await rotate(ctx, { externalId: old.externalId });
    expect(fresh.externalId).not.toBe(old.externalId);
    expect(await verify(ctx, { externalId: old.externalId })).toMatchObject({ active: true, subject: name });
    expect(await verify(ctx, { externalId: fresh.externalId })).toMatchObject({ active: true, subject: name });
    // The new key works: it signs a call AWS (the peer) accepts.
    const { User } = await iamAs(peer, { accessKeyId: fresh.externalId!, secretAccessKey: fresh.value }).send(new GetUserCommand({}));
    expect(User?.UserName).toBe(name);
    expect((await failure(rotate(ctx, { externalId: old.externalId }))).status).toBe(409);
    expect((await failure(rotate(ctx, { value: fresh.value }))).kind).toBe("config");
  });
});

describe("verify and last use", () => {
  it("a never-used key has no last use (AWS says N/A); a used one has the date, service and region AWS recorded", async () => {
    const name = await user("/last-use/");
    const key = await issue(ctx, { scopes: [], subject: name });
    expect(await lastUsed(ctx, { externalId: key.externalId })).toBeNull();
    let [synced] = credentials(await collect(sync(peerContext(peer, { pathPrefix: "/last-use/" }))));
    expect(synced).toMatchObject({ externalId: key.externalId, metadata: { lastUsedService: null, lastUsedRegion: null } });
    expect(synced!.lastUsedAt).toBeUndefined();

    const at = new Date("2026-11-02T08:15:00Z");
    peer.state.recordUse(key.externalId!, { date: at, service: "s3", region: "eu-west-1" });
    expect(await lastUsed(ctx, { externalId: key.externalId })).toEqual(at);
    [synced] = credentials(await collect(sync(peerContext(peer, { pathPrefix: "/last-use/" }))));
    expect(synced).toMatchObject({ lastUsedAt: at, metadata: { lastUsedService: "s3", lastUsedRegion: "eu-west-1" } });

    // Signing a request with the key is a use, as AWS records it.
    await iamAs(peer, { accessKeyId: key.externalId!, secretAccessKey: key.value }).send(new GetUserCommand({}));
    expect((await lastUsed(ctx, { externalId: key.externalId }))!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await failure(lastUsed(ctx, { externalId: "AKIAZZZZZZZZZZZZZZZX" }))).status).toBe(404);
  });

  it("an Inactive key syncs as disabled and verifies inactive; made Active again it is active", async () => {
    const name = await user("/toggle/");
    const key = await issue(ctx, { scopes: [], subject: name });
    const toggle = (Status: "Active" | "Inactive") => iamAs(peer).send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.externalId, Status }));
    await toggle("Inactive");
    expect(credentials(await collect(sync(peerContext(peer, { pathPrefix: "/toggle/" }))))).toMatchObject([{ status: "disabled", metadata: { awsStatus: "Inactive" } }]);
    expect((await verify(ctx, { externalId: key.externalId })).active).toBe(false);
    await toggle("Active");
    expect(credentials(await collect(sync(peerContext(peer, { pathPrefix: "/toggle/" }))))).toMatchObject([{ status: "active" }]);
    expect((await verify(ctx, { externalId: key.externalId })).active).toBe(true);
  });
});

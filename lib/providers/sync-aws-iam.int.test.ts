import { randomBytes } from "node:crypto";
import { UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IAM_ERRORS } from "@/lib/connectors/testing/aws-iam-recorded";
import { startIamPeer, type TIamPeer } from "@/lib/connectors/testing/aws-iam-peer";
import { createKey, createUsers, deleteKey, iamAs } from "@/lib/connectors/testing/aws-iam-seed";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** An AWS account synced end to end: provider row with its encrypted key → syncProvider → inventory rows. */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: TIamPeer;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startIamPeer();
});
afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

let seq = 0;
async function createProvider(pathPrefix: string, secret: Record<string, string> = peer.admin) {
  return executeOperation(database.prisma, createProviderOperation, actors.admin, {
    type: "aws_iam",
    name: `AWS ${++seq}`,
    config: { accountId: peer.accountId, endpoint: peer.url, pathPrefix },
    secret: { accessKeyId: secret.accessKeyId, secretAccessKey: secret.secretAccessKey },
  });
}
async function provider(pathPrefix: string) {
  const result = await createProvider(pathPrefix);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const rowsOf = (providerId: string) => database.prisma.credential.findMany({ where: { providerId }, orderBy: { name: "asc" }, include: { identity: true, risk: true } });
const setStatus = (userName: string, accessKeyId: string, Status: "Active" | "Inactive") => iamAs(peer).send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status }));

describe("provider sync against AWS IAM (emulate + recorded)", () => {
  it("writes users and keys once, with owner, AWS status, scopes and last use; a re-sync changes nothing; a status change upstream is followed", async () => {
    await createUsers(peer, ["billing-agent", "docs-agent"], "/e2e-1/");
    peer.state.setTags("billing-agent", { Owner: actors.owner.email });
    peer.state.putUserPolicy("billing-agent", "billing", { Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "iam:PassRole"], Resource: "*" }] });
    const active = await createKey(peer, "billing-agent");
    const inactive = await createKey(peer, "billing-agent");
    await setStatus("billing-agent", inactive.accessKeyId, "Inactive");
    const docs = await createKey(peer, "docs-agent");
    const usedAt = new Date("2026-11-20T09:30:00Z");
    peer.state.recordUse(docs.accessKeyId, { date: usedAt, service: "sqs", region: "eu-west-1" });

    const aws = await provider("/e2e-1/");
    const first = await syncProvider(database.prisma, { providerId: aws.id, trigger: "manual", requestedBy: "test" });
    expect(first).toMatchObject({ status: "succeeded", identities: 2, created: 3, updated: 0, unchanged: 0, revokedUpstream: 0, seen: 2 });

    const rows = await rowsOf(aws.id);
    const byId = new Map(rows.map((r) => [r.externalId, r]));
    expect(byId.get(active.accessKeyId)).toMatchObject({ kind: "cloud_access_key", source: "sync", status: "active", hint: active.accessKeyId.slice(-4), ownerId: actors.owner.id, scopes: ["iam:PassRole", "s3:GetObject"], name: `billing-agent / ${active.accessKeyId}` });
    expect(byId.get(inactive.accessKeyId)).toMatchObject({ status: "disabled", ownerId: actors.owner.id });
    expect(byId.get(docs.accessKeyId)).toMatchObject({ status: "active", ownerId: null, lastUsedAt: usedAt, scopes: [] });
    for (const row of rows) {
      expect(row.identity).toMatchObject({ kind: "service_account", externalId: expect.stringMatching(/^AIDA/) });
      expect(row.issuedAt).toBeInstanceOf(Date);
      expect(row.fingerprint).toBeNull();
      expect(row.risk?.scoredAt).not.toBeNull();
    }
    expect(byId.get(active.accessKeyId)!.identity).toMatchObject({ name: "billing-agent", ownerId: actors.owner.id });

    // No secret anywhere in what was written: rows, run history, audit.
    const everything = JSON.stringify([rows, await database.prisma.providerSyncRun.findMany(), await database.prisma.auditEvent.findMany()], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    for (const secret of [active.secretAccessKey, inactive.secretAccessKey, docs.secretAccessKey, peer.admin.secretAccessKey]) expect(everything).not.toContain(secret);

    expect(await syncProvider(database.prisma, { providerId: aws.id, trigger: "manual" })).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 3 });
    expect(await database.prisma.identity.count({ where: { providerId: aws.id } })).toBe(2);

    await setStatus("billing-agent", inactive.accessKeyId, "Active");
    expect(await syncProvider(database.prisma, { providerId: aws.id, trigger: "manual" })).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await database.prisma.credential.findFirstOrThrow({ where: { providerId: aws.id, externalId: inactive.accessKeyId } })).toMatchObject({ status: "active" });
  });

  it("marks a key deleted upstream as revoked upstream, audited once", async () => {
    await createUsers(peer, ["keeper"], "/e2e-2/");
    const keep = await createKey(peer, "keeper");
    const drop = await createKey(peer, "keeper");
    const aws = await provider("/e2e-2/");
    await syncProvider(database.prisma, { providerId: aws.id, trigger: "manual" });
    await deleteKey(peer, "keeper", drop.accessKeyId);

    expect(await syncProvider(database.prisma, { providerId: aws.id, trigger: "schedule" })).toMatchObject({ status: "succeeded", revokedUpstream: 1, unchanged: 1 });
    const dropped = await database.prisma.credential.findFirstOrThrow({ where: { providerId: aws.id, externalId: drop.accessKeyId } });
    expect(dropped).toMatchObject({ status: "revoked", revokedUpstreamAt: expect.any(Date) });
    expect(await database.prisma.credential.findFirstOrThrow({ where: { providerId: aws.id, externalId: keep.accessKeyId } })).toMatchObject({ status: "active", revokedUpstreamAt: null });
    expect(await database.prisma.auditEvent.count({ where: { action: "credential.revoked_upstream", targetId: dropped.id } })).toBe(1);
    expect(await syncProvider(database.prisma, { providerId: aws.id, trigger: "schedule" })).toMatchObject({ revokedUpstream: 0 });
  });

  it("a sync that AWS keeps throttling fails with AWS's words and marks nothing gone", async () => {
    await createUsers(peer, ["busy-a", "busy-b"], "/e2e-3/");
    await Promise.all(["busy-a", "busy-b"].map((u) => createKey(peer, u)));
    const aws = await provider("/e2e-3/");
    await syncProvider(database.prisma, { providerId: aws.id, trigger: "manual" });
    peer.state.failNext(IAM_ERRORS.throttling, 20, "ListAccessKeys");
    const failed = await syncProvider(database.prisma, { providerId: aws.id, trigger: "schedule" });
    peer.state.faults.length = 0;
    expect(failed).toMatchObject({ status: "failed", error: expect.stringMatching(/HTTP 400 to ListAccessKeys: Throttling: Rate exceeded/) });
    expect(await database.prisma.credential.count({ where: { providerId: aws.id, status: "revoked" } })).toBe(0);
    expect(await database.prisma.provider.findUniqueOrThrow({ where: { id: aws.id } })).toMatchObject({ syncStatus: "error", lastSyncError: expect.stringMatching(/Throttling/) });
  });

  it("a key AWS refuses is not saved: the connection test runs before the provider is written", async () => {
    const before = await database.prisma.provider.count();
    const result = await createProvider("/", { accessKeyId: peer.admin.accessKeyId, secretAccessKey: "y".repeat(40) });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/Connection test failed: .*SignatureDoesNotMatch/) } });
    expect(await database.prisma.provider.count()).toBe(before);
  });
});

import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TGithubCtx } from "@/lib/connectors/github/config";
import { githubConnector } from "@/lib/connectors/github/connector";
import { githubFixture } from "@/lib/connectors/testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "@/lib/connectors/testing/github-peer/server";
import { askProvider } from "@/lib/credentials/services/verify-credential";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * A GitHub provider synced end to end: created through the Providers operation (connection tested
 * against the OpenAPI-validated fake GitHub, secret encrypted), synced in batches, re-synced, and
 * a PAT revoked through the connector found revoked upstream by the next sync.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: TGithubPeer;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startGithubPeer();
});
afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});
afterEach(() => {
  expect(peer.takeViolations()).toEqual([]);
});

describe("provider sync against the fake GitHub", () => {
  it("creates the installation and every PAT once, owners matched by e-mail; re-syncs idempotently; a revoked PAT is revoked upstream", async () => {
    const f = githubFixture(peer);
    const org = f.org.spec.login;
    f.world.generatePats(org, 230);
    const owned = f.world.addPat(org, { owner: { login: "sec-lead", id: 880, email: actors.security.email }, tokenName: "incident bot", permissions: { repository: { contents: "write", metadata: "read" } } });
    const doomed = f.world.addPat(org, { owner: { login: "ops", id: 881, email: null }, tokenName: "old deploy key" });
    f.world.addAccessRequest(org, { owner: { login: "new-hire", id: 882, email: null } });

    const created = await executeOperation(database.prisma, createProviderOperation, actors.admin, {
      type: "github",
      name: "GitHub (fake)",
      config: { org, appId: String(f.app.id), apiBaseUrl: peer.url },
      secret: { privateKey: f.key.privateKeyPem },
    });
    if (!created.ok) throw new Error(created.error.message);
    const providerId = created.data.id;

    const first = await syncProvider(database.prisma, { providerId, trigger: "manual", batchSize: 100 });
    expect(first).toMatchObject({ status: "succeeded", created: 232, identities: 1, revokedUpstream: 0, seen: 232, total: 232 });
    if (first.status !== "succeeded") throw new Error("sync failed");
    expect(first.warnings).toEqual([`1 fine-grained PAT access request is waiting for review in ${org}.`]);

    const incident = await database.prisma.credential.findFirstOrThrow({ where: { providerId, externalId: `pat:${owned.grantId}:${owned.tokenId}` }, include: { risk: true } });
    expect(incident).toMatchObject({ kind: "pat", name: "incident bot", source: "sync", status: "active", ownerId: actors.security.id, scopes: ["contents:write", "metadata:read"], identityId: null });
    expect(incident.expiresAt?.toISOString()).toBe(new Date(owned.expiresAt!).toISOString());
    expect(incident.risk?.scoredAt).not.toBeNull();
    const identity = await database.prisma.identity.findFirstOrThrow({ where: { providerId } });
    expect(identity).toMatchObject({ kind: "app", externalId: `installation:${f.installation.id}` });

    // No PAT value anywhere Tokenward wrote (the connector never sees one, and must not invent one).
    const written = JSON.stringify([await database.prisma.credential.findMany({ where: { providerId } }), await database.prisma.providerSyncRun.findMany(), await database.prisma.auditEvent.findMany()], (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    );
    for (const value of [owned.value, doomed.value, f.world.patValue(owned.tokenId + 1)]) expect(written).not.toContain(value);
    expect(written).not.toContain("BEGIN RSA PRIVATE KEY");

    expect(await syncProvider(database.prisma, { providerId, trigger: "schedule", batchSize: 100 })).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 232, revokedUpstream: 0 });

    const revoke = githubConnector.capabilities.revoke;
    if (!revoke.supported) throw new Error("declared unsupported");
    const ctx = { config: githubConnector.configSchema.parse({ org, appId: f.app.id, apiBaseUrl: peer.url }), secret: githubConnector.secretSchema.parse({ privateKey: f.key.privateKeyPem }) } as TGithubCtx;
    await revoke.run(ctx, { externalId: `pat:${doomed.grantId}:${doomed.tokenId}`, kind: "pat" });

    // "Verify now" asks GitHub about the stored row (external id and the metadata the sync kept).
    const doomedRow = await database.prisma.credential.findFirstOrThrow({ where: { providerId, externalId: `pat:${doomed.grantId}:${doomed.tokenId}` } });
    expect(await askProvider(database.prisma, incident.id)).toMatchObject({ answer: { active: true, scopes: ["contents:write", "metadata:read"], subject: "sec-lead" } });
    expect(await askProvider(database.prisma, doomedRow.id)).toMatchObject({ answer: { active: false } });

    const after = await syncProvider(database.prisma, { providerId, trigger: "schedule", batchSize: 100 });
    expect(after).toMatchObject({ status: "succeeded", created: 0, unchanged: 231, revokedUpstream: 1 });
    const gone = await database.prisma.credential.findFirstOrThrow({ where: { providerId, externalId: `pat:${doomed.grantId}:${doomed.tokenId}` } });
    expect(gone.status).toBe("revoked");
    expect(gone.revokedUpstreamAt).toBeInstanceOf(Date);
    expect(await database.prisma.auditEvent.count({ where: { action: "credential.revoked_upstream", targetId: gone.id } })).toBe(1);
  });

  it("a wrong private key is refused when the provider is created, with GitHub's words", async () => {
    const f = githubFixture(peer);
    const { appKey } = await import("@/lib/connectors/testing/github-peer/fixture");
    const result = await executeOperation(database.prisma, createProviderOperation, actors.admin, {
      type: "github",
      name: "GitHub (wrong key)",
      config: { org: f.org.spec.login, appId: f.app.id, apiBaseUrl: peer.url },
      secret: { privateKey: appKey(1).privateKeyPem },
    });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/HTTP 401: A JSON web token could not be decoded/) } });
  });
});

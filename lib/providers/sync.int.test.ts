import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePeerClient, PEER_CLIENT, registerPeerClient, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { encryptSecret } from "@/lib/connectors/secrets";
import { resetEnvCache } from "@/lib/env";
import { runNextJob } from "@/lib/jobs/runner";
import { enqueueDueCronJobs } from "@/lib/jobs/worker";
import { JOB_REGISTRY } from "@/lib/jobs/registry";
import { providerSyncJobId } from "@/lib/providers/jobs";
import { createProviderOperation, syncProviderOperation, updateProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { listFailingSyncs } from "@/lib/providers/queries";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let oauth: Awaited<ReturnType<typeof startOAuthPeer>>;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  oauth = await startOAuthPeer();
});
afterAll(async () => {
  await oauth?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

type TClient = Awaited<ReturnType<typeof registerPeerClient>>;
const lines = (clients: TClient[]) => clients.map((c) => `${c.registration_client_uri} ${c.registration_access_token}`).join("\n");
let seq = 0;

async function createProvider(clients: TClient[]) {
  const result = await executeOperation(database.prisma, createProviderOperation, actors.admin, {
    type: "oauth",
    name: `Auth server ${++seq}`,
    config: { issuer: oauth.issuer, clientId: PEER_CLIENT.clientId },
    secret: { clientSecret: PEER_CLIENT.clientSecret, registrations: lines(clients) },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const credentialsOf = (providerId: string) =>
  database.prisma.credential.findMany({ where: { providerId }, orderBy: { externalId: "asc" }, include: { identity: true, risk: true } });

describe("provider sync against a real authorization server (RFC 7592)", () => {
  it("creates identities and credentials once, fingerprinted, scored; a re-sync creates nothing twice", async () => {
    const clients = await Promise.all(["Billing agent", "Docs agent", "CI runner"].map((n) => registerPeerClient(oauth.issuer, n, { scope: "inventory:read inventory:write" })));
    const provider = await createProvider(clients);
    const first = await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual", requestedBy: "test" });
    expect(first).toMatchObject({ status: "succeeded", created: 3, updated: 0, unchanged: 0, revokedUpstream: 0, seen: 3, total: 3 });

    const rows = await credentialsOf(provider.id);
    expect(rows.map((r) => r.name).sort()).toEqual(["Billing agent client secret", "CI runner client secret", "Docs agent client secret"]);
    for (const row of rows) {
      const client = clients.find((c) => `client_secret:${c.client_id}` === row.externalId)!;
      expect(row).toMatchObject({ kind: "client_secret", source: "sync", status: "active", fingerprint: fingerprintOf(client.client_secret!), hint: client.client_secret!.slice(-4) });
      expect(row.scopes).toEqual(["inventory:read", "inventory:write"]);
      expect(row.identity?.externalId).toBe(client.client_id);
      expect(row.risk?.scoredAt).not.toBeNull();
      // What the connector needs to act on it later is kept with it (the registration to read).
      expect(row.providerMetadata).toMatchObject({ registrationClientUri: client.registration_client_uri });
    }
    // No secret anywhere in what was written: rows, run history, audit.
    const everything = JSON.stringify([rows, await database.prisma.providerSyncRun.findMany(), await database.prisma.auditEvent.findMany()], (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    );
    for (const c of clients) {
      expect(everything).not.toContain(c.client_secret!);
      expect(everything).not.toContain(c.registration_access_token);
    }

    const second = await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual" });
    expect(second).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 3, revokedUpstream: 0 });
    expect(await database.prisma.credential.count({ where: { providerId: provider.id } })).toBe(3);
    expect(await database.prisma.identity.count({ where: { providerId: provider.id } })).toBe(3);

    // One that a previous sync found gone and that is listed again is restored, audited.
    const target = rows[0]!;
    await database.prisma.credential.update({ where: { id: target.id }, data: { status: "revoked", revokedUpstreamAt: new Date() } });
    expect(await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual" })).toMatchObject({ restored: 1, unchanged: 2 });
    expect(await database.prisma.credential.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "active", revokedUpstreamAt: null });
    expect(await database.prisma.auditEvent.count({ where: { action: "credential.restored_upstream", targetId: target.id } })).toBe(1);
  });

  it("marks a client deleted upstream as revoked upstream with the time, audited once", async () => {
    const clients = await Promise.all(["Keep", "Drop"].map((n) => registerPeerClient(oauth.issuer, n)));
    const provider = await createProvider(clients);
    await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual" });
    await deletePeerClient(clients[1]!);
    const after = await syncProvider(database.prisma, { providerId: provider.id, trigger: "schedule" });
    expect(after).toMatchObject({ status: "succeeded", revokedUpstream: 1, unchanged: 1 });
    if (after.status !== "succeeded") throw new Error("sync failed");
    expect(after.warnings.join(" ")).toMatch(/line 2: the server no longer knows this client/);
    const dropped = (await credentialsOf(provider.id)).find((r) => r.name === "Drop client secret")!;
    expect(dropped.status).toBe("revoked");
    expect(dropped.revokedUpstreamAt).toBeInstanceOf(Date);
    expect(await database.prisma.auditEvent.count({ where: { action: "credential.revoked_upstream", targetId: dropped.id } })).toBe(1);
    // A second sync does not mark it again.
    expect(await syncProvider(database.prisma, { providerId: provider.id, trigger: "schedule" })).toMatchObject({ revokedUpstream: 0 });
  });

  it("a sync that fails half-way marks nothing gone, records the provider's error, and keeps what it wrote", async () => {
    const clients = await Promise.all(["One", "Two"].map((n) => registerPeerClient(oauth.issuer, n)));
    const provider = await createProvider(clients);
    await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual" });
    // A second line the server answers 404 for: saving through the form is refused (the connection
    // test reads the registrations), so it is written past the form, as a key mix-up would.
    const broken = `${lines(clients.slice(0, 1))}\n${oauth.issuer}/reg/does-not-exist/extra tok`;
    const update = await executeOperation(database.prisma, updateProviderOperation, actors.admin, {
      id: provider.id, name: provider.name, config: provider.config, secret: { clientSecret: PEER_CLIENT.clientSecret, registrations: broken },
    });
    expect(update).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Registration line 2/) } });
    await database.prisma.provider.update({
      where: { id: provider.id },
      data: { encryptedCredentials: encryptSecret({ clientSecret: PEER_CLIENT.clientSecret, registrations: broken }, provider.id) },
    });
    const failed = await syncProvider(database.prisma, { providerId: provider.id, trigger: "schedule", batchSize: 1 });
    expect(failed).toMatchObject({ status: "failed", error: expect.stringMatching(/Registration line 2: .*HTTP 404/), unchanged: 1 });
    const stored = await database.prisma.provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(stored).toMatchObject({ syncStatus: "error", lastSyncError: expect.stringMatching(/HTTP 404/) });
    // "Two" was not read, but the sync did not finish: it is not marked gone.
    expect(await database.prisma.credential.count({ where: { providerId: provider.id, status: "revoked" } })).toBe(0);
    expect(await database.prisma.auditEvent.count({ where: { action: "providers.sync_failed", targetId: provider.id } })).toBe(1);
    // The overview names it, with the provider's error.
    expect(await listFailingSyncs(database.prisma)).toContainEqual(expect.objectContaining({ id: provider.id, error: expect.stringMatching(/HTTP 404/) }));

    await database.prisma.provider.update({ where: { id: provider.id }, data: { enabled: false } });
    expect(await syncProvider(database.prisma, { providerId: provider.id, trigger: "schedule" })).toMatchObject({ status: "failed", error: expect.stringMatching(/disabled/) });
    // A disabled provider is no longer an overview alarm.
    expect((await listFailingSyncs(database.prisma)).map((f) => f.id)).not.toContain(provider.id);
  });

  it("adopts a credential another source knows by fingerprint instead of duplicating it", async () => {
    const [client] = await Promise.all([registerPeerClient(oauth.issuer, "Scanned")]);
    const provider = await createProvider([client!]);
    const other = await database.prisma.provider.create({ data: { name: `Unknown ${++seq}`, type: "unknown" } });
    const scanned = await database.prisma.credential.create({
      data: { name: "token in .mcp.json", kind: "static_bearer", providerId: other.id, fingerprint: fingerprintOf(client!.client_secret!), source: "scan" },
    });
    const result = await syncProvider(database.prisma, { providerId: provider.id, trigger: "manual" });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const adopted = await database.prisma.credential.findUniqueOrThrow({ where: { id: scanned.id } });
    expect(adopted).toMatchObject({ providerId: provider.id, externalId: `client_secret:${client!.client_id}`, kind: "client_secret", source: "sync" });
  });

  it("sync now queues one job per provider; the worker runs it with progress; a second request while queued is refused", async () => {
    const clients = await Promise.all(["Queued"].map((n) => registerPeerClient(oauth.issuer, n)));
    const provider = await createProvider(clients);
    const first = await executeOperation(database.prisma, syncProviderOperation, actors.admin, { id: provider.id });
    expect(first).toMatchObject({ ok: true, data: { jobId: providerSyncJobId(provider.id) } });
    const again = await executeOperation(database.prisma, syncProviderOperation, actors.admin, { id: provider.id });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/already queued or running/) } });
    for (const role of ["security", "owner", "auditor"] as const) {
      expect(await executeOperation(database.prisma, syncProviderOperation, actors[role], { id: provider.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    let outcome;
    do outcome = await runNextJob(database.prisma, { workerId: "test" });
    while (outcome && outcome.id !== providerSyncJobId(provider.id));
    expect(outcome).toMatchObject({ outcome: "succeeded" });
    const job = await database.prisma.job.findUniqueOrThrow({ where: { id: providerSyncJobId(provider.id) } });
    expect(job).toMatchObject({ status: "succeeded", progressDone: 1, progressTotal: 1 });
    expect(await database.prisma.providerSyncRun.findFirst({ where: { providerId: provider.id } })).toMatchObject({ trigger: "manual", requestedBy: expect.stringContaining(actors.admin.email), status: "succeeded", created: 1 });
    // Finished: sync now may run it again.
    expect(await executeOperation(database.prisma, syncProviderOperation, actors.admin, { id: provider.id })).toMatchObject({ ok: true });
  });

  it("a provider's own cron schedule enqueues its sync at each slot, once", async () => {
    const clients = await Promise.all(["Scheduled"].map((n) => registerPeerClient(oauth.issuer, n)));
    const provider = await createProvider(clients);
    const bad = await executeOperation(database.prisma, updateProviderOperation, actors.admin, { id: provider.id, name: provider.name, config: provider.config, syncSchedule: "every hour" });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { syncSchedule: [expect.stringMatching(/Not a schedule/)] } } });
    const ok = await executeOperation(database.prisma, updateProviderOperation, actors.admin, { id: provider.id, name: provider.name, config: provider.config, syncSchedule: "15 * * * *" });
    expect(ok).toMatchObject({ ok: true, data: { syncSchedule: "15 * * * *" } });
    await database.prisma.job.deleteMany({ where: { id: providerSyncJobId(provider.id) } });
    const seen = new Map<string, number>();
    const now = new Date(Date.UTC(2026, 11, 4, 10, 20));
    await enqueueDueCronJobs(database.prisma, JOB_REGISTRY, seen, now);
    await enqueueDueCronJobs(database.prisma, JOB_REGISTRY, seen, now);
    const job = await database.prisma.job.findUniqueOrThrow({ where: { id: providerSyncJobId(provider.id) } });
    expect(job).toMatchObject({ status: "queued", payload: { providerId: provider.id, trigger: "schedule" } });
  });
});

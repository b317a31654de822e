import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CONNECTORS } from "@/lib/connectors/registry";
import { deletePeerClient, PEER_CLIENT, registerPeerClient, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { verifyCredentialOperation } from "@/lib/credentials/operations";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
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
afterEach(() => vi.restoreAllMocks());

type TClient = Awaited<ReturnType<typeof registerPeerClient>>;
let seq = 0;

/** A provider at the real authorization server with `names` registered and synced: their client secrets. */
async function syncedSecrets(names: string[], server = oauth) {
  const clients = await Promise.all(names.map((n) => registerPeerClient(server.issuer, n, { scope: "inventory:read" })));
  const created = await executeOperation(database.prisma, createProviderOperation, actors.admin, {
    type: "oauth",
    name: `Verify server ${++seq}`,
    config: { issuer: server.issuer, clientId: PEER_CLIENT.clientId },
    secret: { clientSecret: PEER_CLIENT.clientSecret, registrations: clients.map((c) => `${c.registration_client_uri} ${c.registration_access_token}`).join("\n") },
  });
  if (!created.ok) throw new Error(created.error.message);
  await syncProvider(database.prisma, { providerId: created.data.id, trigger: "manual" });
  const credentials = await database.prisma.credential.findMany({ where: { providerId: created.data.id }, orderBy: { name: "asc" } });
  return { providerId: created.data.id, clients: clients as TClient[], credentials };
}

const verify = (credentialId: unknown, actor = actors.security) => executeOperation(database.prisma, verifyCredentialOperation, actor, { credentialId });
const audits = (credentialId: string) => database.prisma.auditEvent.findMany({ where: { action: "credentials.verify", targetId: credentialId } });

describe("credentials.verify: ask the provider, record the answer", () => {
  it("records an active answer with scopes and client, audited, changing nothing else", async () => {
    const { credentials, clients } = await syncedSecrets(["Alpha"]);
    const c = credentials[0]!;
    const result = await verify(c.id);
    expect(result).toEqual({ ok: true, data: expect.objectContaining({ ok: true, active: true, scopes: ["inventory:read"], clientId: clients[0]!.client_id, effect: "none" }) });
    const row = await database.prisma.credential.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.verifiedAt).toBeInstanceOf(Date);
    expect(row.verification).toMatchObject({ ok: true, active: true });
    expect(row.status).toBe("active");
    const events = await audits(c.id);
    expect(events).toHaveLength(1);
    const written = JSON.stringify([events, row], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(written).not.toContain(clients[0]!.client_secret!);
    expect(written).not.toContain(clients[0]!.registration_access_token);
  });

  it("a client the server no longer knows: inactive, marked revoked upstream, rescored; a sync that sees it again restores it", async () => {
    const { credentials, clients, providerId } = await syncedSecrets(["Gone", "Stays"]);
    const gone = credentials.find((c) => c.name.startsWith("Gone"))!;
    await deletePeerClient(clients[0]!);
    const result = await verify(gone.id);
    expect(result).toMatchObject({ ok: true, data: { ok: true, active: false, effect: "revoked_upstream" } });
    const row = await database.prisma.credential.findUniqueOrThrow({ where: { id: gone.id }, include: { risk: true } });
    expect(row).toMatchObject({ status: "revoked", revokedUpstreamAt: expect.any(Date) });
    expect(row.risk?.scoredAt?.getTime()).toBeGreaterThanOrEqual(row.verifiedAt!.getTime() - 1000);
    expect((await audits(gone.id))[0]!.summary).toMatchObject({ before: { status: "active" }, after: { status: "revoked" } });
    // Verifying again changes nothing more.
    expect(await verify(gone.id)).toMatchObject({ ok: true, data: { active: false, effect: "none" } });
    expect(providerId).toBeDefined();
  });

  it("one a sync marked gone that the provider calls active is restored", async () => {
    const { credentials } = await syncedSecrets(["Back"]);
    const c = credentials[0]!;
    await database.prisma.credential.update({ where: { id: c.id }, data: { status: "revoked", revokedUpstreamAt: new Date() } });
    expect(await verify(c.id)).toMatchObject({ ok: true, data: { active: true, effect: "restored" } });
    expect(await database.prisma.credential.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "active", revokedUpstreamAt: null });
  });

  it("a provider that cannot be reached: the error is the answer, recorded and audited; the status stays", async () => {
    const server = await startOAuthPeer();
    const { credentials } = await syncedSecrets(["Unreachable"], server);
    const c = credentials[0]!;
    await server.close();
    const result = await verify(c.id);
    expect(result).toMatchObject({ ok: true, data: { ok: false, retryable: true, message: expect.stringMatching(/Could not reach 127\.0\.0\.1/) } });
    expect(await database.prisma.credential.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "active", verification: { ok: false } });
    expect(await audits(c.id)).toHaveLength(1);
  });

  it("owners verify what they or their team own; out of reach is FORBIDDEN before the provider is asked", async () => {
    const { credentials } = await syncedSecrets(["Owned", "Not owned"]);
    const [owned, other] = [credentials.find((c) => c.name.startsWith("Owned"))!, credentials.find((c) => c.name.startsWith("Not"))!];
    await database.prisma.credential.update({ where: { id: owned.id }, data: { ownerId: actors.owner.id } });
    const asked = vi.spyOn(CONNECTORS.oauth.capabilities.verify as { run: (...args: never[]) => unknown }, "run");
    expect(await verify(owned.id, actors.owner)).toMatchObject({ ok: true, data: { active: true } });
    expect(asked).toHaveBeenCalledTimes(1);
    const refused = await verify(other.id, actors.owner);
    expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    expect(asked).toHaveBeenCalledTimes(1);
    expect(await audits(other.id)).toHaveLength(0);
    expect(await database.prisma.auditEvent.count({ where: { action: "access.denied", targetId: other.id } })).toBe(1);
    const auditor = await verify(owned.id, actors.auditor);
    expect(!auditor.ok && auditor.error.code).toBe("FORBIDDEN");
  });

  it("refuses bad input and what cannot be verified, writing nothing", async () => {
    const slack = await database.prisma.provider.create({ data: { name: "Slack (no connector)", type: "slack" } });
    const unconnected = await database.prisma.credential.create({ data: { name: "xoxb bot", kind: "api_key", providerId: slack.id } });
    // A kind the OAuth connector cannot be asked about: its declaration says why.
    const { providerId } = await syncedSecrets(["Kinds"]);
    const pat = await database.prisma.credential.create({ data: { name: "a PAT filed under the auth server", kind: "pat", providerId } });
    const before = await database.prisma.auditEvent.count({ where: { action: "credentials.verify" } });
    for (const [input, code, message] of [
      ["not-a-uuid", "VALIDATION", /credential id/],
      [undefined, "VALIDATION", /credential/i],
      [randomUUID(), "NOT_FOUND", /./],
      [unconnected.id, "CONFLICT", /has no connector/],
      [pat.id, "CONFLICT", /Introspection \(RFC 7662\) answers for tokens/],
    ] as const) {
      const result = await verify(input);
      expect(!result.ok && [result.error.code, result.error.message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(await database.prisma.auditEvent.count({ where: { action: "credentials.verify" } })).toBe(before);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: unconnected.id } })).verifiedAt).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { issueCredentialOperation, setEphemeralOperation } from "@/lib/credentials/operations";
import { getCredentialProviderState } from "@/lib/credentials/queries";
import { resetEnvCache } from "@/lib/env";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TUsageEvent } from "@/lib/usage/schemas";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";
import { TASK_ENDED_LABEL } from "@/lib/usage/services/end-ephemeral-tasks";
import { ingestUsage } from "@/lib/usage/services/ingest-usage";
import { advanceWorkflow } from "@/lib/workflows/services/advance-workflow";
import { activeAtPeer, connectedProvider, connectorKeys, realToken } from "@/lib/workflows/testing/workflow-fixture";

/**
 * Ephemeral credentials against a real authorization server (oidc-provider): one issued "for its
 * task" is revoked through the break-glass path when a hop reports task_completed — and only then,
 * only once; one whose provider needs a value Tokenward does not hold is flagged "should be revoked".
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: Awaited<ReturnType<typeof startOAuthPeer>>;
let providerId: string;
let seq = 0;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startOAuthPeer();
  providerId = await connectedProvider(database.prisma, actors.admin, peer.issuer);
});

afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

function hop(value: string, outcome: TUsageEvent["outcome"], at = new Date(Date.now() + 1000)): TUsageEvent {
  const n = ++seq;
  return {
    id: `eph-${n}`,
    time: at.toISOString(),
    traceId: `trace-eph-${n}`,
    spanId: `span-${n}`,
    credential: { fingerprint: fingerprintOf(value) },
    caller: { kind: "agent", id: "billing-agent" },
    target: { kind: "mcp_server", id: "orders-mcp", audience: "https://orders.internal/mcp" },
    outcome,
  };
}

const ingest = (events: TUsageEvent[]) => database.prisma.$transaction((tx) => ingestUsage(tx, events));
const issue = async (actor: TActor, ephemeral: boolean) => {
  const result = await executeOperation(database.prisma, issueCredentialOperation, actor, { providerId, name: `task token ${++seq}`, scopes: ["inventory:read"], ephemeral });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe("ephemeral credentials", () => {
  it("issued for its task: the value is held sealed, and task_completed revokes it by break-glass, once", async () => {
    const issued = await issue(actors.security, true);
    const row = await database.prisma.credential.findUniqueOrThrow({ where: { id: issued.credentialId } });
    expect(row.ephemeralSince).not.toBeNull();
    // Sealed, bound to the row: never the value itself.
    expect(row.ephemeralSecret).toMatch(/^tw1\./);
    expect(row.ephemeralSecret).not.toContain(issued.value);
    expect((await getCredentialProviderState(database.prisma, issued.credentialId))?.ephemeral).toMatchObject({ valueHeld: true, revokeNeedsValue: true, taskEnded: null });

    // Ordinary use changes nothing.
    await ingest([hop(issued.value, "allowed")]);
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(0);
    expect(await database.prisma.workflow.count({ where: { credentialId: issued.credentialId } })).toBe(0);

    const end = hop(issued.value, "task_completed", new Date(Date.now() + 2000));
    await ingest([end]);
    expect(await applyPendingUsage(database.prisma)).toMatchObject({ credentials: 1, tasksEnded: 1 });
    const workflow = await database.prisma.workflow.findFirstOrThrow({ where: { credentialId: issued.credentialId } });
    expect(workflow).toMatchObject({ kind: "revocation", breakGlass: true, state: "approved", requestedById: null, requestedByLabel: TASK_ENDED_LABEL, reason: expect.stringContaining(end.traceId) });
    const after = await database.prisma.credential.findUniqueOrThrow({ where: { id: issued.credentialId } });
    expect(after.ephemeralSecret).toBeNull();
    expect(after.taskEndedAt?.toISOString()).toBe(end.time);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "credential.task_ended", targetId: issued.credentialId } });
    expect(audit).toMatchObject({ actorLabel: "system", summary: { traceId: end.traceId, workflowId: workflow.id, shouldBeRevoked: null } });
    expect(JSON.stringify((await database.prisma.auditEvent.findMany({ select: { summary: true } })).map((e) => e.summary))).not.toContain(issued.value);

    // A loaded machine can drop a kept-alive connection to the peer: a retryable error, retried by the workflow as designed.
    let advanced = await advanceWorkflow(database.prisma, workflow.id);
    for (let retry = 1; advanced.state === "revoking_old" && retry <= 3; retry++) {
      advanced = await advanceWorkflow(database.prisma, workflow.id, { now: () => new Date(Date.now() + retry * 120_000) });
    }
    expect(advanced.state).toBe("completed");
    expect(await activeAtPeer(peer.issuer, issued.value)).toBe(false);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: issued.credentialId } })).status).toBe("revoked");

    // A replayed or later task_completed asks nothing more.
    await ingest([hop(issued.value, "task_completed", new Date(Date.now() + 3000))]);
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(0);
    expect(await database.prisma.workflow.count({ where: { credentialId: issued.credentialId } })).toBe(1);
  });

  it("a task_completed from before it was marked ephemeral does not end it; one after does", async () => {
    const standing = await issue(actors.security, false);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: standing.credentialId } })).ephemeralSecret).toBeNull();
    await ingest([hop(standing.value, "task_completed", new Date(Date.now() - 60_000))]);
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(0);

    const marked = await executeOperation(database.prisma, setEphemeralOperation, actors.security, { credentialId: standing.credentialId, ephemeral: true });
    expect(marked).toMatchObject({ ok: true });
    await ingest([hop(standing.value, "allowed")]);
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(0);

    // Marked after issue, its value is not held: the provider (RFC 7009) needs it, so it is flagged, not revoked.
    await ingest([hop(standing.value, "task_completed", new Date(Date.now() + 5000))]);
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(1);
    expect(await database.prisma.workflow.count({ where: { credentialId: standing.credentialId } })).toBe(0);
    const state = (await getCredentialProviderState(database.prisma, standing.credentialId))?.ephemeral;
    expect(state?.taskEnded).toMatchObject({ workflowId: null, shouldBeRevoked: expect.stringContaining("current value") });
    const notices = await database.prisma.notification.findMany({ where: { targetId: standing.credentialId, kind: "credential.should_be_revoked" } });
    expect(notices.map((n) => n.recipientId)).toEqual([actors.security.id]);
    expect(await activeAtPeer(peer.issuer, standing.value)).toBe(true);
  });

  it("an open rotation is not overridden: the task's end is recorded as should-be-revoked", async () => {
    const { credential } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id });
    await database.prisma.credential.update({ where: { id: credential.id }, data: { ephemeralSince: new Date(Date.now() - 1000) } });
    await database.prisma.workflow.create({ data: { kind: "rotation", state: "requested", credentialId: credential.id, providerId, requestedByLabel: "test" } });
    await database.prisma.usageEvent.create({
      data: { eventId: `eph-open-${++seq}`, time: new Date(), traceId: "trace-open", spanId: "s", credentialId: credential.id, callerKind: "agent", callerId: "a", targetKind: "mcp_server", targetId: "m", outcome: "task_completed" },
    });
    await database.prisma.usagePending.create({ data: { credentialId: credential.id, lastUsedAt: new Date() } });
    expect((await applyPendingUsage(database.prisma)).tasksEnded).toBe(1);
    const state = (await getCredentialProviderState(database.prisma, credential.id))?.ephemeral;
    expect(state?.taskEnded?.shouldBeRevoked).toMatch(/A rotation is open/);
    expect(await database.prisma.workflow.count({ where: { credentialId: credential.id } })).toBe(1);
  });

  it("refuses bad and meaningless changes with a clear error, writing nothing", async () => {
    const { credential } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id });
    const set = (input: unknown, actor: TActor = actors.security) => executeOperation(database.prisma, setEphemeralOperation, actor, input);
    const before = await snapshotCounts(database.prisma);
    expect(await set({ credentialId: "not-a-uuid", ephemeral: true })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await set({ credentialId: credential.id, ephemeral: "yes" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await set({ credentialId: credential.id, ephemeral: true, ephemeralSince: "1970-01-01T00:00:00Z" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await set({ credentialId: credential.id, ephemeral: false })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/not ephemeral/) } });
    expect(await snapshotCounts(database.prisma)).toEqual(before);
    // An auditor reads; it does not change credentials (the refusal itself is audited as access.denied).
    expect(await set({ credentialId: credential.id, ephemeral: true }, actors.auditor)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).ephemeralSince).toBeNull();

    expect(await set({ credentialId: credential.id, ephemeral: true })).toMatchObject({ ok: true });
    expect(await set({ credentialId: credential.id, ephemeral: true })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/already ephemeral/) } });
    await database.prisma.credential.update({ where: { id: credential.id }, data: { status: "revoked" } });
    expect(await set({ credentialId: credential.id, ephemeral: false })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/already revoked/) } });
    const audited = await database.prisma.auditEvent.findMany({ where: { action: "credentials.set_ephemeral", targetId: credential.id } });
    expect(audited.map((e) => e.summary)).toEqual([{ credential: credential.name, ephemeral: true }]);
  });
});

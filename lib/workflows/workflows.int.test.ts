import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { resetEnvCache } from "@/lib/env";
import type { z } from "zod";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { breakGlassOperation, decideWorkflowOperation, operateWorkflowOperation, requestWorkflowOperation, revealSecretOperation } from "@/lib/workflows/operations";
import { advanceWorkflow } from "@/lib/workflows/services/advance-workflow";
import { tickWorkflows } from "@/lib/workflows/services/tick-workflows";
import { activeAtPeer, connectedProvider, connectorKeys, realToken } from "@/lib/workflows/testing/workflow-fixture";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: Awaited<ReturnType<typeof startOAuthPeer>>;
let providerId: string;
let teamId: string;
/** A second owner in the credential's team: the one who approves what the first one requests. */
let colleague: TActor;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startOAuthPeer();
  providerId = await connectedProvider(database.prisma, actors.admin, peer.issuer);
  const team = await database.prisma.team.create({ data: { name: "Agents", slug: "agents" } });
  teamId = team.id;
  const other = await database.prisma.user.create({ data: { email: "colleague@test.local", name: "Colleague", role: "owner" } });
  await database.prisma.teamMembership.createMany({ data: [{ userId: actors.owner.id, teamId }, { userId: other.id, teamId }] });
  actors.owner = { ...actors.owner, teamIds: [teamId] };
  colleague = { id: other.id, email: other.email, name: other.name, role: "owner", teamIds: [teamId] };
});
afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

const run = <S extends z.ZodType, D, P>(op: TOperation<S, D, P>, actor: TActor, input: unknown) => executeOperation(database.prisma, op, actor, input);
const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};
const stateOf = async (id: string) => (await database.prisma.workflow.findUniqueOrThrow({ where: { id } })).state;
const everythingWritten = async () =>
  JSON.stringify(
    await Promise.all([
      database.prisma.workflow.findMany(),
      database.prisma.workflowEvent.findMany(),
      database.prisma.auditEvent.findMany(),
      database.prisma.notification.findMany(),
      database.prisma.credential.findMany(),
      database.prisma.job.findMany(),
    ]),
    (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
  );

describe("rotation against a real authorization server", () => {
  it("requested by security, approved by the owner, issued, verified, revealed once, cut over, old revoked", async () => {
    const { credential, value: oldValue } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const requested = ok(await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", reason: "90-day rotation", currentValue: oldValue }));
    expect(requested).toMatchObject({ state: "requested", plan: { canIssue: true, revokeNeedsValue: true } });
    // The owner and the team are told; security (the requester) is not.
    const notices = await database.prisma.notification.findMany({ where: { targetId: requested.id } });
    expect(notices.map((n) => n.recipientId).sort()).toEqual([actors.owner.id, colleague.id].sort());

    // Security does not answer for the credential: it cannot decide.
    const refused = await run(decideWorkflowOperation, actors.security, { workflowId: requested.id, decision: "approve" });
    expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    ok(await run(decideWorkflowOperation, actors.owner, { workflowId: requested.id, decision: "approve", comment: "go" }));

    const advanced = await advanceWorkflow(database.prisma, requested.id);
    expect(advanced.state).toBe("awaiting_cutover");
    const w = await database.prisma.workflow.findUniqueOrThrow({ where: { id: requested.id } });
    expect(w.pendingSecret).toMatch(/^tw1\./);
    expect(w.newCredentialId).not.toBeNull();
    // Nothing revoked yet: the old token still works.
    expect(await activeAtPeer(peer.issuer, oldValue)).toBe(true);

    // Cut-over before the secret was revealed is refused... (the owner has not got it yet)
    const early = await run(operateWorkflowOperation, actors.owner, { workflowId: requested.id, action: "confirm_cutover" });
    expect(!early.ok && early.error.message).toMatch(/reveal/i);

    const revealed = ok(await run(revealSecretOperation, actors.owner, { workflowId: requested.id }));
    expect(await activeAtPeer(peer.issuer, revealed.secret)).toBe(true);
    const newCredential = await database.prisma.credential.findUniqueOrThrow({ where: { id: w.newCredentialId! } });
    expect(newCredential.fingerprint).toBe(fingerprintOf(revealed.secret));
    const again = await run(revealSecretOperation, actors.owner, { workflowId: requested.id });
    expect(!again.ok && again.error.message).toMatch(/already revealed/);

    ok(await run(operateWorkflowOperation, actors.owner, { workflowId: requested.id, action: "confirm_cutover" }));
    expect((await advanceWorkflow(database.prisma, requested.id)).state).toBe("completed");
    expect(await activeAtPeer(peer.issuer, oldValue)).toBe(false);
    expect(await activeAtPeer(peer.issuer, revealed.secret)).toBe(true);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).status).toBe("revoked");
    const done = await database.prisma.workflow.findUniqueOrThrow({ where: { id: requested.id } });
    expect(done).toMatchObject({ oldSecret: null, pendingSecret: null, completedAt: expect.any(Date) });

    // The timeline is complete, and no secret is anywhere Tokenward writes.
    const events = await database.prisma.workflowEvent.findMany({ where: { workflowId: requested.id }, orderBy: { at: "asc" } });
    expect(events.filter((e) => e.toState !== e.fromState).map((e) => e.toState)).toEqual([
      "requested", "approved", "issuing_new", "delivering", "verifying_new", "awaiting_cutover", "revoking_old", "verifying_old_revoked", "completed",
    ]);
    const written = await everythingWritten();
    expect(written).not.toContain(oldValue);
    expect(written).not.toContain(revealed.secret);
  });

  it("nobody approves their own request; a rejection ends it and erases the held value", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const mine = ok(await run(requestWorkflowOperation, actors.owner, { credentialId: credential.id, kind: "revocation", currentValue: value }));
    const self = await run(decideWorkflowOperation, actors.owner, { workflowId: mine.id, decision: "approve" });
    expect(!self.ok && [self.error.code, self.error.message]).toEqual(["FORBIDDEN", expect.stringMatching(/own request/)]);
    ok(await run(decideWorkflowOperation, colleague, { workflowId: mine.id, decision: "reject", comment: "still needed by the billing agent" }));
    expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ state: "rejected", oldSecret: null, decisionComment: "still needed by the billing agent" });
    expect(await activeAtPeer(peer.issuer, value)).toBe(true);
  });

  it("refuses what cannot work, with reasons, writing nothing", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const before = await database.prisma.workflow.count();
    const cases: [unknown, string, RegExp][] = [
      [{ credentialId: credential.id, kind: "revocation" }, "VALIDATION", /presented \(RFC 7009\)/],
      [{ credentialId: credential.id, kind: "revocation", currentValue: `${value}x` }, "VALIDATION", /fingerprint differs/],
      [{ credentialId: credential.id, kind: "teleport", currentValue: value }, "VALIDATION", /rotation or revocation/],
      [{ credentialId: "nope", kind: "revocation" }, "VALIDATION", /credential id/],
      [{ credentialId: credential.id, kind: "revocation", currentValue: value, extra: 1 }, "VALIDATION", /./],
    ];
    for (const [input, code, message] of cases) {
      const result = await run(requestWorkflowOperation, actors.security, input);
      expect(!result.ok && [result.error.code, result.error.message]).toEqual([code, expect.stringMatching(message)]);
    }
    // A provider with no connector cannot be acted on.
    const slack = await database.prisma.provider.create({ data: { name: "Slack (inventory only)", type: "slack" } });
    const bot = await database.prisma.credential.create({ data: { name: "xoxb", kind: "api_key", providerId: slack.id } });
    const none = await run(requestWorkflowOperation, actors.security, { credentialId: bot.id, kind: "revocation" });
    expect(!none.ok && none.error.message).toMatch(/no connector/);
    expect(await database.prisma.workflow.count()).toBe(before);
    // One open workflow per credential.
    ok(await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "revocation", currentValue: value }));
    const second = await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", currentValue: value });
    expect(!second.ok && second.error.message).toMatch(/already open/);
  });

  it("of fifty simultaneous approvals exactly one decides; the rest are told it was decided", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "revocation", currentValue: value }));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => run(decideWorkflowOperation, i % 2 ? actors.owner : colleague, { workflowId: w.id, decision: "approve" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(!r.ok && r.error.code).toBe("CONFLICT");
    expect(await database.prisma.workflowEvent.count({ where: { workflowId: w.id, type: "approve" } })).toBe(1);
    expect(await database.prisma.job.count({ where: { id: `workflows.advance:${w.id}` } })).toBe(1);
  });

  it("break-glass: security revokes at once with a reason, flagged; the owner is told", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const short = await run(breakGlassOperation, actors.security, { credentialId: credential.id, reason: "leak", currentValue: value });
    expect(!short.ok && short.error.message).toMatch(/at least 10 characters/);
    const denied = await run(breakGlassOperation, actors.owner, { credentialId: credential.id, reason: "found in a public gist", currentValue: value });
    expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
    const w = ok(await run(breakGlassOperation, actors.security, { credentialId: credential.id, reason: "found in a public gist", currentValue: value }));
    expect(w.state).toBe("approved");
    expect((await advanceWorkflow(database.prisma, w.id)).state).toBe("completed");
    expect(await activeAtPeer(peer.issuer, value)).toBe(false);
    expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ breakGlass: true, reason: "found in a public gist" });
    expect(await database.prisma.notification.count({ where: { targetId: w.id, recipientId: actors.owner.id, kind: "workflow.break_glass" } })).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: "workflow.break_glass", targetId: w.id } })).toBe(1);
  });
});

describe("failures and crashes", () => {
  it("a worker that dies right after the provider revoked resumes once its lease runs out, and completes", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(breakGlassOperation, actors.security, { credentialId: credential.id, reason: "incident INC-42 cleanup", currentValue: value }));
    const crash = new Error("simulated crash");
    await expect(advanceWorkflow(database.prisma, w.id, { fault: (step, when) => { if (step === "revoking_old" && when === "after-call") throw crash; } })).rejects.toBe(crash);
    expect(await stateOf(w.id)).toBe("revoking_old");
    // Revoked at the provider, but not recorded: the inventory does not claim it yet.
    expect(await activeAtPeer(peer.issuer, value)).toBe(false);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).status).toBe("active");
    // Another worker now finds nothing to do: the step is leased.
    expect((await advanceWorkflow(database.prisma, w.id)).steps).toBe(0);
    // After the lease the tick hands it out again; revoking twice is harmless (RFC 7009).
    const later = () => new Date(Date.now() + 3 * 60_000);
    await tickWorkflows(database.prisma, later());
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: `workflows.advance:${w.id}` } })).toMatchObject({ status: "queued" });
    expect((await advanceWorkflow(database.prisma, w.id, { now: later })).state).toBe("completed");
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).status).toBe("revoked");
  });

  it("an issue whose answer was lost is not repeated by the worker: it fails saying what to check, and a person's retry issues anew", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", currentValue: value }));
    ok(await run(decideWorkflowOperation, actors.owner, { workflowId: w.id, decision: "approve" }));
    const crash = new Error("simulated crash");
    // The peer issued a token; the worker died before recording it.
    await expect(advanceWorkflow(database.prisma, w.id, { fault: (step, when) => { if (step === "issuing_new" && when === "after-call") throw crash; } })).rejects.toBe(crash);
    expect(await stateOf(w.id)).toBe("issuing_new");
    const later = () => new Date(Date.now() + 3 * 60_000);
    expect((await advanceWorkflow(database.prisma, w.id, { now: later })).state).toBe("failed");
    const failed = await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } });
    expect(failed).toMatchObject({ failedStep: "issuing_new", newCredentialId: null, pendingSecret: null, lastError: { kind: "interrupted", retryable: false, message: expect.stringMatching(/may have issued a credential/) } });
    expect(await activeAtPeer(peer.issuer, value)).toBe(true);
    ok(await run(operateWorkflowOperation, actors.security, { workflowId: w.id, action: "retry" }));
    expect((await advanceWorkflow(database.prisma, w.id, { now: later })).state).toBe("awaiting_cutover");
  });

  it("a retryable provider error backs off and retries; past the attempts it fails with the step and the provider's words, then retry works", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(breakGlassOperation, actors.security, { credentialId: credential.id, reason: "provider outage drill", currentValue: value }));
    // The provider's URL breaks: every call is refused at the TCP level (retryable).
    const provider = await database.prisma.provider.findUniqueOrThrow({ where: { id: providerId } });
    await database.prisma.provider.update({ where: { id: providerId }, data: { config: { ...(provider.config as object), issuer: "http://127.0.0.1:9" } } });
    try {
      let now = Date.now();
      const clock = () => new Date(now);
      await advanceWorkflow(database.prisma, w.id, { now: clock, maxAttempts: 3, backoffMs: 1000 });
      expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "revoking_old", stepAttempts: 1, lastError: { retryable: true } });
      for (let i = 0; i < 2; i++) {
        now += 60_000;
        await advanceWorkflow(database.prisma, w.id, { now: clock, maxAttempts: 3, backoffMs: 1000 });
      }
      const failed = await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } });
      expect(failed).toMatchObject({ state: "failed", failedStep: "revoking_old", lastError: { message: expect.stringMatching(/Could not reach 127\.0\.0\.1:9/), step: "revoking_old" } });
      expect(await database.prisma.workflowEvent.count({ where: { workflowId: w.id, type: "step_retry" } })).toBe(2);
    } finally {
      await database.prisma.provider.update({ where: { id: providerId }, data: { config: provider.config as object } });
    }
    expect(await activeAtPeer(peer.issuer, value)).toBe(true);
    ok(await run(operateWorkflowOperation, actors.security, { workflowId: w.id, action: "retry" }));
    expect((await advanceWorkflow(database.prisma, w.id)).state).toBe("completed");
    expect(await activeAtPeer(peer.issuer, value)).toBe(false);
  });

  it("a new credential that does not verify is rolled back; the old one is never touched", async () => {
    const { credential, value } = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(requestWorkflowOperation, actors.security, { credentialId: credential.id, kind: "rotation", currentValue: value }));
    ok(await run(decideWorkflowOperation, actors.owner, { workflowId: w.id, decision: "approve" }));
    // Run up to delivery, then make verification fail for good: the peer loses the new token.
    let issuedValue: string | null = null;
    await advanceWorkflow(database.prisma, w.id, {
      fault: async (step, when) => {
        if (step === "verifying_new" && when === "before-call") {
          const row = await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } });
          const { openWorkflowSecret } = await import("@/lib/workflows/services/workflow-record");
          issuedValue = openWorkflowSecret(w.id, "new", row.pendingSecret!);
          const { CONNECTORS } = await import("@/lib/connectors/registry");
          const { peerContext } = await import("@/lib/workflows/testing/workflow-fixture");
          const revoke = CONNECTORS.oauth.capabilities.revoke;
          if (revoke.supported) await revoke.run(peerContext(peer.issuer), { value: issuedValue, kind: "oauth_access_token" });
        }
      },
    });
    expect(await stateOf(w.id)).toBe("rolled_back");
    const done = await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } });
    expect(done).toMatchObject({ pendingSecret: null, oldSecret: null });
    expect(await activeAtPeer(peer.issuer, value)).toBe(true);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).status).toBe("active");
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: done.newCredentialId! } })).status).toBe("revoked");
    expect(issuedValue).not.toBeNull();
  });

  it("requests past their approval time expire; an unrevealed new secret past its time is taken back", async () => {
    const a = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const w = ok(await run(requestWorkflowOperation, actors.security, { credentialId: a.credential.id, kind: "revocation", currentValue: a.value }));
    const farFuture = new Date(Date.now() + 100 * 3_600_000);
    expect((await tickWorkflows(database.prisma, farFuture)).expired).toBeGreaterThanOrEqual(1);
    expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ state: "expired", oldSecret: null });
    const late = await run(decideWorkflowOperation, actors.owner, { workflowId: w.id, decision: "approve" });
    expect(!late.ok && late.error.code).toBe("CONFLICT");

    const b = await realToken(database.prisma, peer.issuer, providerId, { ownerId: actors.owner.id, teamId });
    const r = ok(await run(requestWorkflowOperation, actors.security, { credentialId: b.credential.id, kind: "rotation", currentValue: b.value }));
    ok(await run(decideWorkflowOperation, actors.owner, { workflowId: r.id, decision: "approve" }));
    expect((await advanceWorkflow(database.prisma, r.id)).state).toBe("awaiting_cutover");
    const twoDaysOn = () => new Date(Date.now() + 48 * 3_600_000);
    expect((await tickWorkflows(database.prisma, twoDaysOn())).secretsExpired).toBe(1);
    expect((await advanceWorkflow(database.prisma, r.id, { now: twoDaysOn })).state).toBe("rolled_back");
    expect(await database.prisma.workflow.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ pendingSecret: null });
    expect(await activeAtPeer(peer.issuer, b.value)).toBe(true);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { resetEnvCache } from "@/lib/env";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { connectorKeys } from "@/lib/workflows/testing/workflow-fixture";
import { decideWorkflowOperation } from "@/lib/workflows/operations";
import { tickWorkflows } from "@/lib/workflows/services/tick-workflows";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { savePolicyOperation } from "@/lib/risk/operations";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { DAY } from "./match";
import { loadActiveRotationPolicy } from "./services/active-rotation-policy";
import { planPolicyRequests } from "./services/plan-policy-requests";
import { runRotationPoliciesOperation, saveRotationPolicyOperation } from "./operations";
import { DEFAULT_ROTATION_POLICY, type TRotationPolicy, type TRotationRule } from "./schema";
import { runRotationPolicies } from "./services/run-rotation-policies";
import { EXPIRY_REMINDER_KIND } from "./services/send-expiry-reminders";

/**
 * The rotation policy job against a real database: requests opened once through the workflows'
 * own request service, never twice (across ticks and concurrent runs), backing off after a
 * rejection, auto-approved only where the rules and the risk policy allow; reminders once; the
 * settings action refusing hostile input and non-admins, writing nothing.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let teamId: string;
const ids = { aws: "", github: "", oauth: "" };
const saved = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const team = await database.prisma.team.create({ data: { name: "Platform", slug: "platform" } });
  teamId = team.id;
  await database.prisma.teamMembership.create({ data: { teamId, userId: actors.owner.id } });
  actors.owner.teamIds = [teamId];
  // Planning and requesting read only the connector's declaration and whether a secret is set; no provider is called here.
  const provider = (name: string, type: string, sensitivity: "low" | "moderate" | "high") =>
    database.prisma.provider.create({ data: { name, type, sensitivity, enabled: true, encryptedCredentials: "sealed-elsewhere" } });
  ids.aws = (await provider("AWS prod", "aws_iam", "moderate")).id;
  ids.github = (await provider("GitHub org", "github", "high")).id;
  ids.oauth = (await provider("Auth server", "oauth", "low")).id;
});
afterAll(async () => {
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = saved;
  resetEnvCache();
});

let seq = 0;
async function credential(over: { providerId: string; kind: string; ageDays: number; level?: "none" | "low" | "medium" | "high"; expiresInDays?: number }) {
  const now = Date.now();
  const c = await database.prisma.credential.create({
    data: {
      name: `cred ${++seq}`,
      kind: over.kind as never,
      providerId: over.providerId,
      externalId: `ext-${seq}`,
      issuedAt: new Date(now - over.ageDays * DAY),
      expiresAt: over.expiresInDays === undefined ? null : new Date(now + over.expiresInDays * DAY),
      ownerId: actors.owner.id,
      teamId,
    },
  });
  await database.prisma.credentialRisk.update({ where: { credentialId: c.id }, data: { level: over.level ?? "low" } });
  return c;
}

const rule = (over: Partial<TRotationRule> = {}): TRotationRule => ({
  id: "quarterly", name: "Quarterly", enabled: true, scope: { providerIds: [], kinds: [], levels: [] }, rotateEveryDays: 90, maxTtlDays: null, autoApprove: null, ...over,
});

async function activeVersion(): Promise<number> {
  return (await database.prisma.rotationPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true } }))?.version ?? 0;
}

async function savePolicy(document: TRotationPolicy, as: TActor = actors.admin) {
  return executeOperation(database.prisma, saveRotationPolicyOperation, as, { document, baseVersion: await activeVersion(), comment: "test" });
}

async function policyWorkflows() {
  return database.prisma.workflow.findMany({ where: { requestedById: null, requestedByLabel: { startsWith: "rotation policy" } }, orderBy: { createdAt: "asc" } });
}

async function reset() {
  await database.prisma.$executeRawUnsafe(`DELETE FROM policy_requests`);
  await database.prisma.$executeRawUnsafe(`DELETE FROM expiry_reminders`);
  await database.prisma.$executeRawUnsafe(`DELETE FROM notifications`);
  await database.prisma.$executeRawUnsafe(`UPDATE credentials SET status = 'revoked'`);
}

describe("the rotation policy job", () => {
  beforeEach(reset);

  it("opens one request per due credential through the request service, idempotently across ticks and concurrent runs", async () => {
    const due = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 120 });
    const young = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 10 });
    const pat = await credential({ providerId: ids.github, kind: "pat", ageDays: 200 });
    const presented = await credential({ providerId: ids.oauth, kind: "oauth_access_token", ageDays: 200 });
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, rules: [rule()] })).ok).toBe(true);
    const version = await activeVersion();

    const first = await runRotationPolicies(database.prisma);
    expect(first).toMatchObject({ version, requested: 2, autoApproved: 0, blocked: 1 });
    const opened = await policyWorkflows();
    expect(opened.map((w) => w.credentialId).sort()).toEqual([due.id, pat.id].sort());
    expect(opened.every((w) => w.state === "requested" && w.kind === "rotation" && w.requestedByLabel === `rotation policy v${version} rule quarterly`)).toBe(true);
    expect(opened.find((w) => w.credentialId === young.id || w.credentialId === presented.id)).toBeUndefined();
    // Audited as the system, naming the policy; the owner (an approver) is asked.
    const audit = await database.prisma.auditEvent.findMany({ where: { action: "workflow.request", targetId: { in: opened.map((w) => w.id) } } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorId === null && (a.summary as { requestedBy?: string }).requestedBy === `rotation policy v${version} rule quarterly`)).toBe(true);
    expect(await database.prisma.notification.count({ where: { recipientId: actors.owner.id, kind: "workflow.approval_requested" } })).toBe(2);
    const timeline = await database.prisma.workflowEvent.findMany({ where: { workflowId: opened[0]!.id } });
    expect(timeline.map((e) => [e.type, e.actorLabel])).toEqual([["requested", `rotation policy v${version} rule quarterly`]]);

    const again = await runRotationPolicies(database.prisma);
    expect(again).toMatchObject({ requested: 0, open: 2 });
    const racing = await Promise.all([runRotationPolicies(database.prisma), runRotationPolicies(database.prisma), runRotationPolicies(database.prisma)]);
    expect(racing.reduce((n, r) => n + r.requested, 0)).toBe(0);
    expect(await policyWorkflows()).toHaveLength(2);
  });

  it("under concurrent first runs, still one request per credential", async () => {
    const creds = await Promise.all(Array.from({ length: 6 }, () => credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 100 })));
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, rules: [rule({ id: "race", rotateEveryDays: 50 })] })).ok).toBe(true);
    const before = (await policyWorkflows()).length;
    const runs = await Promise.all([runRotationPolicies(database.prisma), runRotationPolicies(database.prisma)]);
    expect(runs[0]!.requested + runs[1]!.requested).toBe(6);
    const opened = (await policyWorkflows()).slice(before);
    expect(new Set(opened.map((w) => w.credentialId))).toEqual(new Set(creds.map((c) => c.id)));
    expect(opened).toHaveLength(6);
  });

  it("backs off after a rejected policy request instead of asking again every tick", async () => {
    const c = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 400 });
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, backoffDays: 3, rules: [rule({ id: "yearly", rotateEveryDays: 365 })] })).ok).toBe(true);
    expect((await runRotationPolicies(database.prisma)).requested).toBe(1);
    const [w] = await database.prisma.workflow.findMany({ where: { credentialId: c.id } });
    const rejected = await executeOperation(database.prisma, decideWorkflowOperation, actors.owner, { workflowId: w!.id, decision: "reject", comment: "not now" });
    expect(rejected.ok).toBe(true);

    expect(await runRotationPolicies(database.prisma)).toMatchObject({ requested: 0, backingOff: 1 });
    expect(await runRotationPolicies(database.prisma, new Date(Date.now() + 2 * DAY))).toMatchObject({ requested: 0, backingOff: 1 });
    // After the back-off it asks again; a second rejection doubles the wait.
    expect((await runRotationPolicies(database.prisma, new Date(Date.now() + 3 * DAY + 60_000))).requested).toBe(1);
    const second = await database.prisma.workflow.findFirstOrThrow({ where: { credentialId: c.id, state: "requested" } });
    expect((await executeOperation(database.prisma, decideWorkflowOperation, actors.owner, { workflowId: second.id, decision: "reject" })).ok).toBe(true);
    expect(await runRotationPolicies(database.prisma, new Date(Date.now() + 7 * DAY))).toMatchObject({ requested: 0, backingOff: 1 });
    expect(await database.prisma.workflow.count({ where: { credentialId: c.id } })).toBe(2);
  });

  it("counts an expired (unanswered) policy request as a reason to back off too", async () => {
    const c = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 400 });
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, backoffDays: 5, rules: [rule({ id: "yearly2", rotateEveryDays: 365 })] })).ok).toBe(true);
    expect((await runRotationPolicies(database.prisma)).requested).toBe(1);
    const w = await database.prisma.workflow.findFirstOrThrow({ where: { credentialId: c.id } });
    const due = w.approvalDueAt!.getTime();
    expect((await tickWorkflows(database.prisma, new Date(due + 1000))).expired).toBeGreaterThanOrEqual(1);
    expect(await database.prisma.workflow.count({ where: { credentialId: c.id, state: "expired" } })).toBe(1);
    // Five days from the expiry, not from the request.
    expect(await runRotationPolicies(database.prisma, new Date(due + 4 * DAY))).toMatchObject({ requested: 0, backingOff: 1 });
    expect(await runRotationPolicies(database.prisma, new Date(due + 5 * DAY + 60_000))).toMatchObject({ requested: 1, backingOff: 0 });
  });

  it("auto-approves only where the rule and the risk policy's ceiling allow, saying so in the timeline", async () => {
    const low = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 100, level: "low" });
    const high = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 100, level: "high" });
    const sensitive = await credential({ providerId: ids.github, kind: "pat", ageDays: 100, level: "none" });
    const r = rule({ id: "auto", autoApprove: { maxLevel: "medium", maxSensitivity: "moderate" } });
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, rules: [r] })).ok).toBe(true);
    const version = await activeVersion();
    // The default risk policy allows no auto-approval at all: the rule alone is not enough.
    expect(DEFAULT_POLICY.autoApproval.scheduledRotations.enabled).toBe(false);
    const closed = await planPolicyRequests(database.prisma, (await loadActiveRotationPolicy(database.prisma)).policy, DEFAULT_POLICY.autoApproval.scheduledRotations);
    expect(closed.items.filter((i) => i.match.autoApprove)).toEqual([]);
    // The risk policy's ceiling: scheduled rotations up to "low" (the rule says medium: the lower wins).
    const riskSaved = await executeOperation(database.prisma, savePolicyOperation, actors.admin, {
      document: { ...DEFAULT_POLICY, autoApproval: { scheduledRotations: { enabled: true, maxLevel: "low" } } },
      baseVersion: (await loadActivePolicy(database.prisma)).version,
    });
    expect(riskSaved.ok).toBe(true);
    expect(await runRotationPolicies(database.prisma)).toMatchObject({ requested: 3, autoApproved: 1 });
    const byCred = new Map((await policyWorkflows()).map((w) => [w.credentialId, w]));
    const approved = byCred.get(low.id)!;
    expect(approved.state).toBe("approved");
    expect(approved.decidedByLabel).toBe(`rotation policy v${version} rule auto`);
    expect(approved.breakGlass).toBe(false);
    expect(byCred.get(high.id)!.state).toBe("requested");
    expect(byCred.get(sensitive.id)!.state).toBe("requested");
    const events = await database.prisma.workflowEvent.findMany({ where: { workflowId: approved.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["requested", "approve"]);
    expect((events[1]!.detail as { comment: string }).comment).toBe(`auto-approved by rotation policy v${version} rule auto`);
    expect(await database.prisma.job.count({ where: { type: "workflows.advance", payload: { path: ["workflowId"], equals: approved.id } } })).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: "workflow.approve", targetId: approved.id, actorId: null } })).toBe(1);
  });

  it("reminds owners once per lead time, for the nearest lead time due", async () => {
    const soon = await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 1, expiresInDays: 5 });
    await credential({ providerId: ids.aws, kind: "cloud_access_key", ageDays: 1, expiresInDays: 60 });
    expect((await savePolicy({ ...DEFAULT_ROTATION_POLICY, reminders: { leadDays: [30, 7, 1] }, rules: [] })).ok).toBe(true);
    expect((await runRotationPolicies(database.prisma)).reminders).toBe(1);
    expect((await runRotationPolicies(database.prisma)).reminders).toBe(0);
    await Promise.all([runRotationPolicies(database.prisma), runRotationPolicies(database.prisma)]);
    const notes = await database.prisma.notification.findMany({ where: { kind: EXPIRY_REMINDER_KIND } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipientId: actors.owner.id, targetId: soon.id, title: `“${soon.name}” expires in 5 days`, href: `/inventory/${soon.id}?action=rotate` });
    // The 1-day lead time comes round later: one more, once.
    const dayBefore = new Date(soon.expiresAt!.getTime() - DAY + 60_000);
    expect((await runRotationPolicies(database.prisma, dayBefore)).reminders).toBe(1);
    expect((await runRotationPolicies(database.prisma, dayBefore)).reminders).toBe(0);
    expect(await database.prisma.expiryReminder.count({ where: { credentialId: soon.id } })).toBe(3);
  });
});

describe("the settings actions", () => {
  const good = (): TRotationPolicy => ({ ...DEFAULT_ROTATION_POLICY, rules: [rule({ id: "ok", scope: { providerIds: [ids.aws], kinds: ["cloud_access_key"], levels: [] } })] });

  it.each([
    ["N ≤ 0", (d: TRotationPolicy) => { d.rules[0]!.rotateEveryDays = 0; }, "the rotation period must be at least 1 day"],
    ["negative N", (d: TRotationPolicy) => { d.rules[0]!.rotateEveryDays = -30; }, "the rotation period must be at least 1 day"],
    ["huge N", (d: TRotationPolicy) => { d.rules[0]!.rotateEveryDays = Number.MAX_SAFE_INTEGER; }, "the rotation period must be at most 3,650 days"],
    ["unknown kind", (d: TRotationPolicy) => { (d.rules[0]!.scope.kinds as string[]) = ["password"]; }, "must be one of"],
    ["an injection string as id", (d: TRotationPolicy) => { d.rules[0]!.id = "a' OR 1=1; --"; }, "must be 1–40 lower-case letters"],
    ["an injection string as provider", (d: TRotationPolicy) => { d.rules[0]!.scope.providerIds = ["'); DELETE FROM providers; --"]; }, "must be a provider id"],
  ])("refuses %s and writes nothing", async (_label, mutate, message) => {
    const saves = () => database.prisma.auditEvent.count({ where: { action: "rotation_policies.save" } });
    const before = { versions: await database.prisma.rotationPolicy.count(), saves: await saves() };
    const doc = good();
    mutate(doc);
    const result = await savePolicy(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(result.error.message).toContain(message);
    }
    expect(await database.prisma.rotationPolicy.count()).toBe(before.versions);
    expect(await saves()).toBe(before.saves);
  });

  it("refuses an unknown provider with the rule at fault, and writes nothing", async () => {
    const before = await database.prisma.rotationPolicy.count();
    const doc = good();
    doc.rules[0]!.scope.providerIds = ["0190a0b0-0000-7000-8000-00000000dead"];
    const result = await savePolicy(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: "VALIDATION", fieldErrors: { "document.rules.0.scope.providerIds.0": ["No such provider"] } });
    expect(await database.prisma.rotationPolicy.count()).toBe(before);
  });

  it("refuses a save over a version the editor has not seen", async () => {
    expect((await savePolicy(good())).ok).toBe(true);
    const stale = await executeOperation(database.prisma, saveRotationPolicyOperation, actors.admin, { document: { ...good(), backoffDays: 9 }, baseVersion: (await activeVersion()) - 1 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe("CONFLICT");
  });

  it("lets only admins save or run; security and auditors are refused and nothing is written", async () => {
    for (const who of [actors.security, actors.auditor, actors.owner]) {
      const before = await database.prisma.rotationPolicy.count();
      const result = await savePolicy({ ...good(), backoffDays: 11 }, who);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("FORBIDDEN");
      expect(await database.prisma.rotationPolicy.count()).toBe(before);
      const run = await executeOperation(database.prisma, runRotationPoliciesOperation, who, {});
      expect(run.ok).toBe(false);
    }
    const saved = await savePolicy({ ...good(), backoffDays: 12 });
    expect(saved.ok).toBe(true);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "rotation_policies.save" }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorId: actors.admin.id, targetType: "rotation_policy", targetId: String(await activeVersion()) });
    const run = await executeOperation(database.prisma, runRotationPoliciesOperation, actors.admin, {});
    expect(run.ok).toBe(true);
  });
});

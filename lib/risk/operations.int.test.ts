import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { runNextJob } from "@/lib/jobs/runner";
import { executeOperation, type TAnyOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf, type TRouteDefinition } from "@/lib/server/route";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { parsePolicyFile, toPolicyFile } from "@/lib/risk/policy/validate";
import { importPolicyOperation, restorePolicyOperation, savePolicyOperation, startRecomputeOperation } from "@/lib/risk/operations";
import { exportPolicyRoute, previewPolicyRoute, recomputeStatusRoute } from "@/lib/risk/routes";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { buildRiskWorld, type TRiskWorld } from "@/lib/risk/testing/world";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let world: TRiskWorld;

const counts = async () => {
  const p = database.prisma;
  const [policies, jobs, audit, snapshots] = await Promise.all([p.riskPolicy.count(), p.job.count(), p.auditEvent.count(), p.riskScoreSnapshot.count()]);
  return { policies, jobs, audit, snapshots };
};
const run = <T,>(op: TAnyOperation, actor: TActor, input: T) => executeOperation(database.prisma, op, actor, input);
const draft = (mutate: (d: typeof DEFAULT_POLICY) => void) => {
  const d = structuredClone(DEFAULT_POLICY);
  mutate(d);
  return d;
};
const lastAudit = () => database.prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
const def = (handler: unknown) => routeDefinitionOf(handler) as TRouteDefinition;
const drainJobs = async () => {
  while (await runNextJob(database.prisma, { workerId: "test" }));
};

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  world = await buildRiskWorld(database.prisma, new Date());
});
afterAll(async () => {
  await database?.dispose();
});

describe("save policy", () => {
  it("rejects a bad document with a precise message, writes nothing and leaves the active policy untouched", async () => {
    const before = await counts();
    const bad = draft((d) => {
      d.factors.exposed.points = 150;
      d.levels.critical = 50;
    });
    const result = await run(savePolicyOperation, actors.admin, { document: bad, baseVersion: 0 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "VALIDATION",
        message: "document.levels.critical: must be higher than high (60), got 50; document.factors.exposed.points: must be at most 100 points",
        fieldErrors: { "document.levels.critical": ["must be higher than high (60), got 50"], "document.factors.exposed.points": ["must be at most 100 points"] },
      },
    });
    expect(await counts()).toEqual(before);
    expect((await loadActivePolicy(database.prisma)).version).toBe(0);
  });

  it("saves a new version, audits the diff and enqueues the recompute, in one transaction", async () => {
    const result = await run(savePolicyOperation, actors.admin, {
      document: draft((d) => { d.factors.exposed.points = 90; d.factors["human-use"].enabled = false; }),
      baseVersion: 0,
      comment: "Exposure matters more",
    });
    expect(result).toEqual({ ok: true, data: { version: 1, jobId: "risk.recompute-all", changeCount: 2 } });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "risk.policy.save", targetType: "risk_policy", targetId: "1", actorLabel: "admin@test.local (admin)" });
    expect(audit.summary).toEqual({
      version: 1, previousVersion: 0, changeCount: 2, comment: "Exposure matters more",
      before: { "factors.exposed.points": 85, "factors.human-use.enabled": true },
      after: { "factors.exposed.points": 90, "factors.human-use.enabled": false },
    });
    expect(await database.prisma.job.findUnique({ where: { id: "risk.recompute-all" } })).toMatchObject({
      status: "queued", payload: { reason: "policy-change", requestedBy: "admin@test.local (admin)", policyVersion: 1 },
    });
    const active = await loadActivePolicy(database.prisma);
    expect(active).toMatchObject({ version: 1, comment: "Exposure matters more", createdById: actors.admin.id });
  });

  it("refuses to save over a version the editor has not seen", async () => {
    const before = await counts();
    const result = await run(savePolicyOperation, actors.spareAdmin, { document: draft((d) => { d.usageWindowDays = 30; }), baseVersion: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/^The policy changed since you opened it: v1 is now active, you edited v0/) } });
    expect(await counts()).toEqual(before);
  });

  it("refuses an unchanged document", async () => {
    const active = await loadActivePolicy(database.prisma);
    const result = await run(savePolicyOperation, actors.admin, { document: active.policy, baseVersion: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Nothing to save: the document is the same as the active policy (v1)." } });
  });

  it("is denied to every role but admin, with nothing but the denial recorded", async () => {
    for (const actor of [actors.security, actors.owner, actors.auditor]) {
      const before = await counts();
      const result = await run(savePolicyOperation, actor, { document: DEFAULT_POLICY, baseVersion: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    }
  });
});

describe("applying a saved policy", () => {
  it("the queued recompute rescores with the new version", async () => {
    await drainJobs();
    const job = await database.prisma.job.findUniqueOrThrow({ where: { id: "risk.recompute-all" } });
    expect(job).toMatchObject({ status: "succeeded", result: expect.objectContaining({ policyVersion: 1, scanned: 13 }) });
    const exposed = await database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: world.credentials.exposed.id } });
    expect(exposed).toMatchObject({ policyVersion: 1, factors: [expect.objectContaining({ id: "exposed", points: 90 })] });
    const human = await database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: world.credentials.humanUse.id } });
    expect(human.factorIds).toEqual([]);
  });
});

describe("restore and import", () => {
  it("restores an old version as a new one", async () => {
    const result = await run(restorePolicyOperation, actors.admin, { version: 0, baseVersion: 1 });
    expect(result).toEqual({ ok: true, data: { version: 2, jobId: "risk.recompute-all", changeCount: 2 } });
    expect((await loadActivePolicy(database.prisma)).policy).toEqual(DEFAULT_POLICY);
    expect(await lastAudit()).toMatchObject({ action: "risk.policy.restore", summary: expect.objectContaining({ restoredFrom: 0, comment: "Restored the built-in default" }) });
    expect(await run(restorePolicyOperation, actors.admin, { version: 99, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const before = await counts();
    expect(await run(restorePolicyOperation, actors.admin, { version: -1, baseVersion: 2 })).toMatchObject({
      ok: false, error: { code: "VALIDATION", message: "version must be ≥ 0" },
    });
    expect(await run(restorePolicyOperation, actors.admin, { version: 1, baseVersion: 2, extra: true })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await counts()).toEqual(before);
  });

  it("imports an exported file", async () => {
    const file = toPolicyFile(draft((d) => { d.levels.high = 55; }), { version: 7, comment: "from staging", exportedAt: new Date() });
    const result = await run(importPolicyOperation, actors.admin, { content: JSON.stringify(file), fileName: "policy.json", baseVersion: 2 });
    expect(result).toEqual({ ok: true, data: { version: 3, jobId: "risk.recompute-all", changeCount: 1 } });
    expect(await lastAudit()).toMatchObject({ action: "risk.policy.import", summary: expect.objectContaining({ fileName: "policy.json", comment: "Imported from policy.json" }) });
  });

  it("rejects a bad file with the reason, writing nothing", async () => {
    const before = await counts();
    const broken = await run(importPolicyOperation, actors.admin, { content: "{ not json", baseVersion: 3 });
    expect(broken).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/^The file is not a valid risk policy: The file is not valid JSON/) } });
    const invalid = toPolicyFile(draft((d) => { d.sensitivity.low = 0.1; }), { version: 1, comment: null, exportedAt: new Date() });
    expect(await run(importPolicyOperation, actors.admin, { content: JSON.stringify(invalid), baseVersion: 3 })).toMatchObject({
      ok: false, error: { code: "VALIDATION", message: "The file is not a valid risk policy: policy.sensitivity.low: must be at least 0.25" },
    });
    expect(await run(importPolicyOperation, actors.admin, { content: "", baseVersion: 3 })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "content: the file is empty" } });
    expect(await counts()).toEqual(before);
  });
});

describe("start recompute", () => {
  it("enqueues once; a second start while queued changes nothing but is recorded", async () => {
    await drainJobs();
    expect(await run(startRecomputeOperation, actors.security, {})).toEqual({ ok: true, data: { jobId: "risk.recompute-all", enqueued: true } });
    expect(await run(startRecomputeOperation, actors.admin, {})).toEqual({ ok: true, data: { jobId: "risk.recompute-all", enqueued: false } });
    expect(await lastAudit()).toMatchObject({ action: "risk.recompute.start", summary: { enqueued: false } });
    expect(await run(startRecomputeOperation, actors.admin, { now: true })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("routes", () => {
  const request = (url: string, init?: RequestInit) => new Request(`http://localhost${url}`, init);

  it("exports the active policy as a file that imports again, and audits the export", async () => {
    const before = await counts();
    const response = await executeRoute(database.prisma, def(exportPolicyRoute), actors.auditor, request("/api/v1/risk/policy/export"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tokenward-risk-policy-v3.json"');
    expect(parsePolicyFile(await response.text()).ok).toBe(true);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    expect(await lastAudit()).toMatchObject({ action: "risk.policy.export", targetId: "active" });
    const missing = await executeRoute(database.prisma, def(exportPolicyRoute), actors.auditor, request("/api/v1/risk/policy/export?version=42"));
    expect(missing.status).toBe(404);
  });

  it("previews a draft's impact without writing anything", async () => {
    const before = await counts();
    const body = JSON.stringify({ document: draft((d) => { d.factors.exposed.enabled = false; }) });
    const response = await executeRoute(database.prisma, def(previewPolicyRoute), actors.admin, request("/api/v1/risk/policy/preview", { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.activeVersion).toBe(3);
    expect(json.impact).toMatchObject({ scanned: 13, lowered: 1, levelChanged: 1 });
    expect(json.impact.samples.map((s: { name: string }) => s.name)).toEqual(["exposed"]);
    expect(await counts()).toEqual(before);
  });

  it("answers a bad preview body with the setting at fault", async () => {
    const body = JSON.stringify({ document: draft((d) => { d.usageWindowDays = 0; }) });
    const response = await executeRoute(database.prisma, def(previewPolicyRoute), actors.admin, request("/p", { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("document.usageWindowDays: must be at least 1 d");
    const plain = await executeRoute(database.prisma, def(previewPolicyRoute), actors.admin, request("/p", { method: "POST", body }));
    expect(plain.status).toBe(400);
  });

  it("reports the recompute's progress", async () => {
    const response = await executeRoute(database.prisma, def(recomputeStatusRoute), actors.owner, request("/api/v1/risk/recompute"));
    expect(await response.json()).toMatchObject({ state: "queued", reason: "manual", requestedBy: "security@test.local (security)" });
    await drainJobs();
    const done = await executeRoute(database.prisma, def(recomputeStatusRoute), actors.owner, request("/api/v1/risk/recompute"));
    expect(await done.json()).toMatchObject({ state: "succeeded", done: 13, total: 13, result: { policyVersion: 3, scanned: 13 } });
  });
});

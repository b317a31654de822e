import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { githubFixture } from "@/lib/connectors/testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "@/lib/connectors/testing/github-peer/server";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { planBulkOperation, retryBulkOperation, revokeBulkOperation } from "@/lib/workflows/bulk/operations";
import { batchProgress } from "@/lib/workflows/bulk/queries";
import { advanceWorkflow } from "@/lib/workflows/services/advance-workflow";

/**
 * Bulk revocation against the OpenAPI-validated fake GitHub: a dry run that says what will and will
 * not be revoked and why, the revocation of every eligible PAT as independent break-glass workflows,
 * one provider failure in ten failing only its own item, and a retry that revokes the rest.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: TGithubPeer;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;
const PATS = 300;

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
afterEach(() => expect(peer.takeViolations()).toEqual([]));

async function syncedGithub() {
  const f = githubFixture(peer);
  f.world.generatePats(f.org.spec.login, PATS);
  const created = await executeOperation(database.prisma, createProviderOperation, actors.admin, {
    type: "github",
    name: `GitHub bulk ${f.org.spec.login}`,
    config: { org: f.org.spec.login, appId: String(f.app.id), apiBaseUrl: peer.url },
    secret: { privateKey: f.key.privateKeyPem },
  });
  if (!created.ok) throw new Error(created.error.message);
  await syncProvider(database.prisma, { providerId: created.data.id, trigger: "manual" });
  return { f, providerId: created.data.id };
}

const runAll = async (ids: string[]) => {
  for (const id of ids) await advanceWorkflow(database.prisma, id);
};

describe("bulk revocation", () => {
  it("dry run, then every eligible PAT revoked independently; injected failures fail only their items; a retry finishes them", async () => {
    const { providerId } = await syncedGithub();
    // Beside them: one without a connector, one already revoked, selected explicitly.
    const slack = await database.prisma.provider.create({ data: { name: "Slack (inventory only)", type: "slack" } });
    const bot = await database.prisma.credential.create({ data: { name: "xoxb bot", kind: "api_key", providerId: slack.id } });
    const pats = await database.prisma.credential.findMany({ where: { providerId }, select: { id: true }, orderBy: { id: "asc" } });
    await database.prisma.credential.update({ where: { id: pats[0]!.id }, data: { status: "revoked" } });

    const selection = { credentialIds: [bot.id, ...pats.map((p) => p.id)] };
    const plan = await executeOperation(database.prisma, planBulkOperation, actors.security, { scope: selection });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.data.selected).toBe(PATS + 1);
    expect(plan.data.eligible).toHaveLength(PATS - 1);
    expect(plan.data.skipped.map((s) => [s.reason, s.count])).toEqual(expect.arrayContaining([["Already revoked", 1], [expect.stringMatching(/no connector/), 1]]));

    // The count shown must still hold: anything else is a conflict, and nothing is written.
    const stale = await executeOperation(database.prisma, revokeBulkOperation, actors.security, { scope: selection, reason: "INC-7: org-wide PAT reset", eligible: PATS });
    expect(!stale.ok && stale.error.code).toBe("CONFLICT");
    expect(await database.prisma.workflow.count()).toBe(0);

    const done = await executeOperation(database.prisma, revokeBulkOperation, actors.security, { scope: selection, reason: "INC-7: org-wide PAT reset", eligible: PATS - 1 });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.data.workflows).toBe(PATS - 1);
    const workflows = await database.prisma.workflow.findMany({ where: { batchId: done.data.batchId }, select: { id: true } });
    expect(await database.prisma.job.count({ where: { type: "workflows.advance" } })).toBe(PATS - 1);

    // One call in ten refused by GitHub, for good (422): those items fail, the others complete.
    const failing = Math.floor((PATS - 1) / 10);
    for (let i = 0; i < failing; i++) peer.failNext("orgs/update-pat-access", { status: 422, message: "Validation Failed (injected)" });
    await runAll(workflows.map((w) => w.id));
    const progress = await batchProgress(database.prisma, done.data.batchId);
    expect(progress).toMatchObject({ total: PATS - 1, failed: failing, completed: PATS - 1 - failing, running: 0, done: PATS - 1 });
    const failedRows = await database.prisma.workflow.findMany({ where: { batchId: done.data.batchId, state: "failed" } });
    for (const w of failedRows) expect(w.lastError).toMatchObject({ step: "revoking_old", message: expect.stringMatching(/422/) });

    const retried = await executeOperation(database.prisma, retryBulkOperation, actors.security, { batchId: done.data.batchId });
    expect(retried).toMatchObject({ ok: true, data: { retried: failing } });
    await runAll(failedRows.map((w) => w.id));
    expect(await batchProgress(database.prisma, done.data.batchId)).toMatchObject({ completed: PATS - 1, failed: 0 });
    expect(await database.prisma.credential.count({ where: { providerId, status: "revoked" } })).toBe(PATS);
    // GitHub agrees: a sync finds none of them any more.
    // (The one marked revoked in Tokenward only, before the batch, is still listed there.)
    expect(await syncProvider(database.prisma, { providerId, trigger: "manual" })).toMatchObject({ status: "succeeded", created: 0, unchanged: 1 });
    expect(await database.prisma.auditEvent.count({ where: { action: "workflow.bulk_revoke" } })).toBe(1);
  }, 240_000);

  it("by filter; owners and auditors cannot; bad scopes are refused with nothing written", async () => {
    const { providerId } = await syncedGithub();
    const plan = await executeOperation(database.prisma, planBulkOperation, actors.admin, { scope: { filter: `provider=${providerId}` } });
    expect(plan.ok && plan.data.eligible.length).toBe(PATS);
    for (const role of ["owner", "auditor"] as const) {
      const r = await executeOperation(database.prisma, revokeBulkOperation, actors[role], { scope: { filter: `provider=${providerId}` }, reason: "no reason at all here", eligible: PATS });
      expect(!r.ok && r.error.code).toBe("FORBIDDEN");
    }
    const before = await database.prisma.workflow.count();
    const cases: [unknown, RegExp][] = [
      [{ scope: { filter: "status=teleported" } }, /status/],
      [{ scope: { filter: "provider=1&provider=2" } }, /given twice/],
      [{ scope: { credentialIds: [] } }, /at least one/],
      [{ scope: { credentialIds: ["x"] } }, /credential ids/],
      [{ scope: {} }, /credentialIds or the inventory filter/],
    ];
    for (const [input, message] of cases) {
      const r = await executeOperation(database.prisma, planBulkOperation, actors.security, input);
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(["VALIDATION", expect.stringMatching(message)]);
    }
    const short = await executeOperation(database.prisma, revokeBulkOperation, actors.security, { scope: { filter: `provider=${providerId}` }, reason: "leak", eligible: PATS });
    expect(!short.ok && short.error.message).toMatch(/at least 10 characters/);
    expect(await database.prisma.workflow.count()).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCredentials, getCredentialDetail, listCredentials } from "@/lib/inventory/queries";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import { computeOverview } from "@/lib/overview/queries";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { expireDueCredentials } from "@/lib/risk/services/expire-credentials";
import { previewPolicyImpact } from "@/lib/risk/services/preview-policy-impact";
import { recomputeAll } from "@/lib/risk/services/recompute-all";
import { recordCredentialUse, recordExposure } from "@/lib/risk/services/rescore-on-event";
import { buildRiskWorld, type TRiskWorld } from "@/lib/risk/testing/world";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Status and risk follow time and events (issue 10, part 1), on PGlite and PostgreSQL: expiry shows
 * at once in every read and is persisted and rescored by the expiry job without a full recompute;
 * usage and exposure events rescore; the policy preview predicts what the recompute then writes.
 */

const MIN = 60_000;
const DAY = 86_400_000;
let database: TTestDatabase;
let world: TRiskWorld;
const t0 = new Date(Date.UTC(2026, 11, 4, 9, 0, 0));
const at = (ms: number) => new Date(t0.getTime() + ms);
const query = (params: Record<string, string>) => ZCredentialListQuery.parse(params);
const risk = (id: string) => database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: id } });

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildRiskWorld(database.prisma, t0);
  await recomputeAll(database.prisma, { now: () => t0 });
});
afterAll(async () => {
  await database?.dispose();
});

describe("expiry", () => {
  it("an active credential past its expiry reads as expired at once, and the job persists and rescores it alone", async () => {
    // A scored credential (an open exposure): expired, it carries no standing risk under the policy.
    const id = world.credentials.exposed.id;
    await database.prisma.credential.update({ where: { id }, data: { expiresAt: at(MIN) } });
    await recomputeAll(database.prisma, { now: () => t0 });
    const activeAt = async (now: Date) => (await listCredentials(database.prisma, query({ status: "active", limit: "100" }), now)).items.map((i) => i.id);
    const before = await risk(id);
    expect(await activeAt(t0)).toContain(id);

    // Time passes the expiry; nothing has run yet.
    const later = at(2 * MIN);
    expect(await activeAt(later)).not.toContain(id);
    const expiredNow = await listCredentials(database.prisma, query({ status: "expired", limit: "100" }), later);
    expect(expiredNow.items.find((i) => i.id === id)?.status).toBe("expired");
    const all = await listCredentials(database.prisma, query({ limit: "100" }), later);
    expect(all.items.find((i) => i.id === id)?.status).toBe("expired");
    const activeCount = (now: Date) => countCredentials(database.prisma, { status: ["active"] } as never, now);
    expect((await activeCount(later)).value).toBe((await activeCount(t0)).value - 1);
    const overviewBefore = await computeOverview(database.prisma, t0);
    const overviewAfter = await computeOverview(database.prisma, later);
    expect(overviewAfter.tiles.active).toBe(overviewBefore.tiles.active - 1);
    expect(overviewAfter.byStatus.find((s) => s.key === "expired")?.count).toBe((overviewBefore.byStatus.find((s) => s.key === "expired")?.count ?? 0) + 1);

    // The job: flips exactly that row, audits it as a system event, rescores it (and nothing else).
    const scoredBefore = await database.prisma.credentialRisk.findMany({ select: { credentialId: true, scoredAt: true } });
    const result = await expireDueCredentials(database.prisma, { now: later });
    expect(result).toEqual({ expired: 1, batches: 1 });
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
    const after = await risk(id);
    expect(after.scoredAt?.getTime()).toBe(later.getTime());
    expect(after.score).not.toBe(before.score);
    const scoredAfter = await database.prisma.credentialRisk.findMany({ select: { credentialId: true, scoredAt: true } });
    const moved = scoredAfter.filter((r) => r.scoredAt?.getTime() !== scoredBefore.find((b) => b.credentialId === r.credentialId)?.scoredAt?.getTime());
    expect(moved.map((r) => r.credentialId)).toEqual([id]);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "credential.expired", targetId: id } });
    expect(audit.actorId).toBeNull();
    expect(await database.prisma.job.count()).toBe(0);

    // A rerun finds nothing; the detail page agrees with the list.
    expect(await expireDueCredentials(database.prisma, { now: later })).toEqual({ expired: 0, batches: 0 });
    expect((await getCredentialDetail(database.prisma, id, { role: "admin" }))?.detail.status).toBe("expired");
  });

  it("the detail page shows an expired credential as expired before the job has run", async () => {
    const id = world.credentials.shared.id;
    await database.prisma.credential.update({ where: { id }, data: { expiresAt: new Date(Date.now() - MIN) } });
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    expect((await getCredentialDetail(database.prisma, id, { role: "admin" }))?.detail.status).toBe("expired");
  });

  it("works through many due credentials in bounded batches", async () => {
    // Every active row, the one the previous test dated by the wall clock included: that date lies
    // after this test's frozen clock once the real day passes t0.
    await database.prisma.credential.updateMany({ where: { status: "active" }, data: { expiresAt: at(3 * MIN) } });
    const due = await database.prisma.credential.count({ where: { status: "active" } });
    expect(due).toBeGreaterThan(3);
    const result = await expireDueCredentials(database.prisma, { now: at(4 * MIN), batchSize: 2 });
    expect(result.expired).toBe(due);
    expect(result.batches).toBe(Math.ceil(due / 2));
    expect(await database.prisma.credential.count({ where: { status: "active" } })).toBe(0);
  });
});

describe("events rescore", () => {
  let fresh: TTestDatabase;
  let w: TRiskWorld;
  beforeAll(async () => {
    fresh = await createTestDatabase();
    w = await buildRiskWorld(fresh.prisma, t0);
    await recomputeAll(fresh.prisma, { now: () => t0 });
  });
  afterAll(async () => {
    await fresh?.dispose();
  });
  const riskOf = (id: string) => fresh.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: id } });

  it("an exposure rescores the credential in the same transaction", async () => {
    const id = w.credentials.clean.id;
    const before = await riskOf(id);
    const now = at(5 * MIN);
    await fresh.prisma.$transaction((tx) =>
      recordExposure(tx, { credentialId: id, fingerprint: "fp-clean", locationKind: "repository", location: "acme/app:.env", repository: "acme/app", line: 3, detector: "test", detectedAt: now }),
    );
    const after = await riskOf(id);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.scoredAt?.getTime()).toBe(now.getTime());
    expect((after.factors as { id: string }[]).map((f) => f.id)).toContain("exposed");
    // Seen again by the next scan: recorded once.
    await fresh.prisma.$transaction((tx) =>
      recordExposure(tx, { credentialId: id, fingerprint: "fp-clean", locationKind: "repository", location: "acme/app:.env", detector: "test", detectedAt: at(6 * MIN) }),
    );
    expect(await fresh.prisma.exposure.count({ where: { credentialId: id } })).toBe(1);
  });

  it("a use rescores a stale credential, and an older sighting does not move last-used back", async () => {
    const id = w.credentials.lowSensitivity.id;
    const now = at(MIN);
    await fresh.prisma.credential.update({ where: { id }, data: { lastUsedAt: at(-120 * DAY), expiresAt: null } });
    await recomputeAll(fresh.prisma, { now: () => now });
    const before = await riskOf(id);
    expect((before.factors as { id: string }[]).map((f) => f.id)).toContain("stale");
    await fresh.prisma.$transaction((tx) => recordCredentialUse(tx, id, now));
    const after = await riskOf(id);
    expect((after.factors as { id: string }[]).map((f) => f.id)).not.toContain("stale");
    expect(after.score).toBeLessThan(before.score);
    await fresh.prisma.$transaction((tx) => recordCredentialUse(tx, id, at(-DAY), { now }));
    expect((await fresh.prisma.credential.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime()).toBe(now.getTime());
  });

  it("a failed event writes nothing: no half-recorded exposure, no rescore", async () => {
    const id = w.credentials.vendor.id;
    const before = await riskOf(id);
    await expect(
      fresh.prisma.$transaction(async (tx) => {
        await recordExposure(tx, { credentialId: id, fingerprint: "fp-v", locationKind: "ci_log", location: "ci#1", detector: "test", detectedAt: at(7 * MIN) });
        throw new Error("scanner crashed");
      }),
    ).rejects.toThrow("scanner crashed");
    expect(await fresh.prisma.exposure.count({ where: { fingerprint: "fp-v" } })).toBe(0);
    expect((await riskOf(id)).scoredAt?.getTime()).toBe(before.scoredAt?.getTime());
  });

  it("the policy preview predicts what the recompute then writes, with time having moved", async () => {
    const draft = structuredClone(DEFAULT_POLICY);
    draft.factors.exposed.points = 50;
    // Stored scores are from a while ago: time-based factors have moved since.
    const now = at(200 * DAY);
    const impact = await previewPolicyImpact(fresh.prisma, DEFAULT_POLICY, draft, { now });
    expect(impact.recomputeWrites).toBeGreaterThan(impact.scoreChanged);
    const levelsBefore = new Map((await fresh.prisma.credentialRisk.findMany()).map((r) => [r.credentialId, r.level]));
    await fresh.prisma.riskPolicy.create({ data: { version: 1, document: draft } });
    const result = await recomputeAll(fresh.prisma, { now: () => now });
    expect(result.written).toBe(impact.recomputeWrites);
    const levelChanges = (await fresh.prisma.credentialRisk.findMany()).filter((r) => levelsBefore.get(r.credentialId) !== r.level).length;
    expect(levelChanges).toBe(impact.recomputeLevelChanges);
  });
});

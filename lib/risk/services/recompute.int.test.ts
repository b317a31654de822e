import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { scoreCredential } from "@/lib/risk/score-credential";
import { scanCredentials } from "@/lib/risk/services/batches";
import { loadScoringInputs, type TScoringInput } from "@/lib/risk/services/load-scoring-inputs";
import { recomputeAll } from "@/lib/risk/services/recompute-all";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { previewPolicyImpact } from "@/lib/risk/services/preview-policy-impact";
import { writeResults } from "@/lib/risk/services/write-results";
import { buildRiskWorld, type TRiskWorld } from "@/lib/risk/testing/world";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let world: TRiskWorld;
const NOW = new Date("2026-06-01T12:00:00.000Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A credential_risks row under the names the assertions use. */
function flatRisk(r: { score: number; level: string; factors: unknown; factorIds: string[]; frameworks: string[]; scoredAt: Date | null; policyVersion: number | null } | null) {
  if (!r) throw new Error("a credential without its credential_risks row");
  return { riskScore: r.score, riskLevel: r.level, riskFactors: r.factors, riskFactorIds: r.factorIds, riskFrameworks: r.frameworks, riskScoredAt: r.scoredAt, riskPolicyVersion: r.policyVersion };
}
const riskOf = async (credentialId: string) => flatRisk(await database.prisma.credentialRisk.findUnique({ where: { credentialId } }));

async function rows() {
  const list = await database.prisma.credential.findMany({ select: { id: true, name: true, risk: true } });
  return new Map(list.map((c) => [c.name, { id: c.id, name: c.name, ...flatRisk(c.risk) }]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildRiskWorld(database.prisma, NOW);
});
afterAll(async () => {
  await database?.dispose();
});

describe("reading every credential", () => {
  it("sees the same inputs through the cursor stream and through id ranges, whatever the batch size", async () => {
    const read = async (strategy: "stream" | "ranges", batchSize: number) => {
      const all: TScoringInput[] = [];
      const sizes: number[] = [];
      await scanCredentials(database.prisma, { now: NOW.getTime(), usageWindowDays: 90, batchSize, strategy }, async ({ inputs }) => {
        sizes.push(inputs.length);
        all.push(...inputs);
      });
      return { all: all.sort((a, b) => a.credential.id.localeCompare(b.credential.id)), sizes };
    };
    const stream = await read("stream", 5);
    const ranges = await read("ranges", 4);
    expect(stream.all).toHaveLength(13);
    expect(stream.sizes).toEqual([5, 5, 3]);
    expect(ranges.sizes).toEqual([4, 4, 4, 1]);
    expect(ranges.all).toEqual(stream.all);
  });
});

describe("full recompute", () => {
  it("scores every credential from the data model: exposures, bindings and usage feed their factors", async () => {
    const result = await recomputeAll(database.prisma, { now: () => NOW, batchSize: 4 });
    expect(result).toMatchObject({ policyVersion: 0, scanned: 13, written: 13, restarts: 0 });
    const r = await rows();
    expect(r.get("clean")).toMatchObject({ riskScore: 0, riskLevel: "none", riskFactorIds: [] });
    expect(r.get("exposed")?.riskFactorIds).toEqual(["exposed"]);
    expect(r.get("exposed")).toMatchObject({ riskLevel: "critical" });
    expect(r.get("exposed")?.riskFrameworks).toEqual(expect.arrayContaining(["NHI2", "PR.DS"]));
    expect(r.get("resolved-exposure")).toMatchObject({ riskFactorIds: [] });
    // A GitHub token presented to the MCP server is also outside its audience.
    expect(r.get("passthrough")?.riskFactorIds).toEqual(["passthrough", "audience-mismatch", "shared"]);
    expect(r.get("cross-env")?.riskFactorIds).toEqual(["cross-environment"]);
    expect(r.get("human-use")?.riskFactorIds).toEqual(["human-use"]);
    expect(r.get("shared")).toMatchObject({ riskFactorIds: ["shared"] });
    expect(r.get("audience-mismatch")?.riskFactorIds).toEqual(["audience-mismatch"]);
    expect(r.get("orphaned")?.riskFactorIds).toEqual(["orphaned"]);
    expect(r.get("vendor")?.riskFactorIds).toEqual(["third-party-sensitive"]);
    expect(r.get("revoked")).toMatchObject({ riskScore: 0, riskLevel: "none" });
    expect(r.get("static-key")?.riskFactorIds).toEqual(["long-lived", "static-high-sensitivity", "no-audience"]);
    // Same factors except the sensitivity-dependent one, and scaled down by the low-sensitivity provider.
    expect(r.get("low-sensitivity")?.riskFactorIds).toEqual(["long-lived", "no-audience"]);
    for (const row of r.values()) expect(row.riskScoredAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("records the evidence with the real values", async () => {
    const passthrough = await riskOf(world.credentials.passthrough.id);
    expect(passthrough.riskFactors).toContainEqual(expect.objectContaining({
      id: "passthrough", evidence: "Trace trace-pt: presented to jira-mcp (https://mcp.world.test/jira) then forwarded by it to api.github.com",
    }));
  });

  it("writes a snapshot only when score or level changed, and the day's counts per level", async () => {
    const snapshots = await database.prisma.riskScoreSnapshot.count();
    const scored = [...(await rows()).values()].filter((r) => r.riskScore > 0).length;
    expect(snapshots).toBe(scored);
    const counts = await database.prisma.riskDailyCount.findMany({ where: { day: new Date("2026-06-01") } });
    expect(counts).toHaveLength(5);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(13);
  });

  it("writes nothing on a rerun over unchanged data", async () => {
    const before = await database.prisma.riskScoreSnapshot.count();
    const result = await recomputeAll(database.prisma, { now: () => later(5) });
    expect(result.written).toBe(0);
    expect(await database.prisma.riskScoreSnapshot.count()).toBe(before);
  });

  it("vacuums the risk table after rewriting most of it, and not after a rerun that wrote nothing", async () => {
    const vacuums = async () => {
      const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT pg_stat_get_vacuum_count('credential_risks'::regclass)::int AS n");
      return row!.n;
    };
    // The first scoring above wrote all 13 rows.
    const afterFirst = await vacuums();
    expect(afterFirst).toBeGreaterThan(0);
    expect((await recomputeAll(database.prisma, { now: () => later(6) })).written).toBe(0);
    expect(await vacuums()).toBe(afterFirst);
  });
});

describe("policy change", () => {
  it("rescores exactly the credentials the change affects", async () => {
    const draft = structuredClone(DEFAULT_POLICY);
    draft.factors.exposed.points = 50;
    draft.factors["human-use"].enabled = false;
    // The expectation comes from the pure scorer, credential by credential.
    const inputs = await loadScoringInputs(database.prisma, { kind: "all" }, later(10).getTime(), 90);
    const expected = inputs
      .filter((i) => JSON.stringify(scoreCredential(i.credential, i.context, DEFAULT_POLICY)) !== JSON.stringify(scoreCredential(i.credential, i.context, draft)))
      .map((i) => i.credential.name)
      .sort();
    expect(expected).toEqual(["exposed", "human-use"]);

    const impact = await previewPolicyImpact(database.prisma, DEFAULT_POLICY, draft, { now: later(10) });
    expect(impact).toMatchObject({ scanned: 13, scoreChanged: 2, lowered: 2, raised: 0 });
    expect(impact.samples.map((s) => s.name).sort()).toEqual(expect.arrayContaining(["human-use"]));

    await database.prisma.riskPolicy.create({ data: { version: 1, document: draft } });
    const snapshotsBefore = await database.prisma.riskScoreSnapshot.count();
    const result = await recomputeAll(database.prisma, { now: () => later(10) });
    expect(result).toMatchObject({ policyVersion: 1, written: 2 });
    const rescored = [...(await rows()).values()].filter((r) => r.riskScoredAt?.getTime() === later(10).getTime()).map((r) => r.name).sort();
    expect(rescored).toEqual(expected);
    expect(await database.prisma.riskScoreSnapshot.count()).toBe(snapshotsBefore + 2);
    expect((await rows()).get("exposed")?.riskPolicyVersion).toBe(1);
  });
});

describe("incremental recompute", () => {
  it("rescores the given credentials inside the caller's transaction, with history and counts", async () => {
    const id = world.credentials.clean.id;
    const dayCount = async (level: "none" | "high") =>
      (await database.prisma.riskDailyCount.findUniqueOrThrow({ where: { day_level: { day: new Date("2026-06-01"), level } } })).count;
    const noneBefore = await dayCount("none");
    const result = await database.prisma.$transaction(async (tx) => {
      await tx.exposure.create({ data: { credentialId: id, fingerprint: "sha256:cc", locationKind: "ci_log", location: "run 42", detector: "test" } });
      return recomputeCredentials(tx, [id, id], { now: later(20) });
    });
    expect(result).toEqual({ scored: 1, changed: [id] });
    const row = await riskOf(id);
    expect(row).toMatchObject({ riskFactorIds: ["exposed"], riskPolicyVersion: 1 });
    const history = await database.prisma.riskScoreSnapshot.findMany({ where: { credentialId: id }, orderBy: { time: "asc" } });
    expect(history.map((h) => h.level)).toEqual([row.riskLevel]);
    expect(await dayCount("none")).toBe(noneBefore - 1);
  });

  it("rolls back with the caller's transaction", async () => {
    const id = world.credentials.shared.id;
    const before = await database.prisma.credential.findUniqueOrThrow({ where: { id } });
    await expect(database.prisma.$transaction(async (tx) => {
      await tx.exposure.create({ data: { credentialId: id, fingerprint: "sha256:dd", locationKind: "ci_log", location: "run 43", detector: "test" } });
      await recomputeCredentials(tx, [id], { now: later(25) });
      throw new Error("the change failed");
    })).rejects.toThrow("the change failed");
    expect(await database.prisma.credential.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("does nothing for an empty list", async () => {
    expect(await database.prisma.$transaction((tx) => recomputeCredentials(tx, []))).toEqual({ scored: 0, changed: [] });
  });
});

describe("full recompute vs concurrent incremental writes", () => {
  it("does not overwrite a row that was rescored after the batch read it", async () => {
    const id = world.credentials.orphaned.id;
    const [input] = await loadScoringInputs(database.prisma, { kind: "ids", ids: [id] }, later(30).getTime(), 90);
    // Meanwhile an incremental recompute writes a fresher result.
    await database.prisma.$transaction((tx) => recomputeCredentials(tx, [id], { now: later(31) }));
    const stale = { input: input!, result: { ...scoreCredential(input!.credential, input!.context, DEFAULT_POLICY), score: 1, level: "low" as const } };
    const written = await writeResults(database.prisma, [stale], { scoredAt: later(32), policyVersion: 1, guard: "scored-at" });
    expect(written).toEqual([]);
    expect((await riskOf(id)).riskScoredAt?.toISOString()).toBe(later(31).toISOString());
  });
});

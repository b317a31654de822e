import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { loadActivePolicy, loadPolicyVersion } from "@/lib/risk/services/active-policy";
import { recomputeAll } from "@/lib/risk/services/recompute-all";
import { buildRiskWorld } from "@/lib/risk/testing/world";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

/** A document as versions saved before the scope catalogue stored it: over-privileged with its v1 settings. */
function storedBeforeCatalogue(pointsBroad: number, extraPatterns: string[] = []) {
  const doc = structuredClone(DEFAULT_POLICY) as unknown as { factors: Record<string, unknown> };
  doc.factors["over-privileged"] = {
    enabled: true,
    broadScopePatterns: [
      "admin*", "*:admin", "administration:*", "manage*", "*:manage", "delete*", "write:*", "contents:write", "workflows:write",
      "actions:write", "secrets:*", "members:*", "*:PutObject", "payouts:*", "refunds:*", "billing:write", "orders:write",
      "all privileges", "insert", "update", "pg_read_all_data", "repo", ...extraPatterns,
    ],
    pointsBroad,
    minUnusedScopes: 1,
    pointsUnused: 15,
  };
  return doc;
}

describe("stored policy versions saved before the scope catalogue", () => {
  it("load as the active policy and by version, their settings carried over", async () => {
    await database.prisma.riskPolicy.create({ data: { version: 1, document: storedBeforeCatalogue(30) as never, comment: "v1 shape" } });
    await database.prisma.riskPolicy.create({ data: { version: 2, document: storedBeforeCatalogue(45, ["billing:*"]) as never, comment: "customised" } });
    const active = await loadActivePolicy(database.prisma);
    expect(active.version).toBe(2);
    expect(active.policy.factors["over-privileged"]).toEqual({ ...DEFAULT_POLICY.factors["over-privileged"], pointsAdmin: 45, adminScopePatterns: ["billing:*"] });
    expect((await loadPolicyVersion(database.prisma, 1))?.policy).toEqual(DEFAULT_POLICY);
  });

  it("score with the upgraded settings in a full recompute", async () => {
    await buildRiskWorld(database.prisma, new Date("2026-06-01T12:00:00.000Z"));
    const result = await recomputeAll(database.prisma, { now: () => new Date("2026-06-01T12:00:00.000Z") });
    expect(result).toMatchObject({ policyVersion: 2 });
    expect(result.written).toBeGreaterThan(0);
  });
});

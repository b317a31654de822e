import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeAll } from "@/lib/risk/services/recompute-all";
import { recordScopes } from "@/lib/risk/services/rescore-on-event";
import { buildRiskWorld, type TRiskWorld } from "@/lib/risk/testing/world";
import { classifyScopes } from "@/lib/scopes/classify";
import { privilegeSet } from "@/lib/scopes/privileges";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** credential_risks.privileges: written by the risk engine with the score, from the scope catalogue. */

let database: TTestDatabase;
let world: TRiskWorld;
const NOW = new Date("2026-06-01T12:00:00.000Z");

async function stored() {
  const rows = await database.prisma.credential.findMany({ select: { id: true, scopes: true, provider: { select: { type: true } }, risk: { select: { privileges: true } } } });
  return rows.map((r) => ({ id: r.id, stored: r.risk!.privileges, expected: privilegeSet(classifyScopes(r.provider.type, r.scopes)) }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildRiskWorld(database.prisma, NOW);
  await recomputeAll(database.prisma, { now: () => NOW });
});
afterAll(async () => {
  await database?.dispose();
});

describe("credential privileges (the privilege= filter's column)", () => {
  it("a full recompute stores every credential's classes, broadest first", async () => {
    const rows = await stored();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.stored, r.id).toEqual(r.expected);
    expect(rows.some((r) => r.stored.length > 0)).toBe(true);
  });

  it("a scope change rescores and rewrites them at once, without a full recompute", async () => {
    const id = world.credentials.clean.id;
    await database.prisma.$transaction((tx) => recordScopes(tx, id, ["read:org", "admin:org", "no-such-scope"], { now: NOW }));
    const risk = await database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: id } });
    expect(risk.privileges).toEqual(["admin", "unknown", "read"]);
    expect(risk.factorIds).toContain("over-privileged");
  });

  it("rows scored before the column existed ('{}') are filled by the next full recompute even though no score changes", async () => {
    await database.prisma.$executeRawUnsafe(`UPDATE credential_risks SET privileges = '{}'`);
    const before = await database.prisma.credentialRisk.findMany({ select: { credentialId: true, score: true, scoredAt: true } });
    const result = await recomputeAll(database.prisma, { now: () => NOW });
    expect(result.written).toBeGreaterThan(0);
    for (const r of await stored()) expect(r.stored, r.id).toEqual(r.expected);
    const after = new Map((await database.prisma.credentialRisk.findMany({ select: { credentialId: true, score: true } })).map((r) => [r.credentialId, r.score]));
    for (const b of before) expect(after.get(b.credentialId)).toBe(b.score);
  });
});

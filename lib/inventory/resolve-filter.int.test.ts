import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSqlReader } from "@/lib/db/sql-reader";
import { listCredentialsBody } from "@/lib/inventory/queries";
import { buildListQuery } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import { listBothWays } from "@/lib/inventory/testing/list-both-ways";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Risk tags few credentials hold are resolved to their ids before the list statement (a tag the
 * statistics miss made the planner walk a whole sort index: 10 s at 1M for a tag nobody holds).
 * Whatever was resolved, the page and the count equal the one-statement form's.
 */

let database: TTestDatabase;
let tagged: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, { credentials: 200, seed: 11, demoPassword: "resolve-filter-password-0123" });
  // Five credentials hold a factor nothing else holds; nobody holds the privilege class "unknown".
  await database.prisma.$executeRawUnsafe(`UPDATE credential_risks SET factor_ids = array_remove(factor_ids, 'audience-mismatch'), privileges = array_remove(privileges, 'unknown')`);
  tagged = (await database.read<{ id: string }>(`SELECT id::text AS id FROM credentials ORDER BY name DESC, id LIMIT 5`, [])).map((r) => r.id);
  await database.prisma.$executeRawUnsafe(`UPDATE credential_risks SET factor_ids = factor_ids || ARRAY['audience-mismatch'] WHERE credential_id = ANY($1::uuid[])`, tagged);
  await database.prisma.$executeRawUnsafe("ANALYZE");
});
afterAll(async () => {
  await database?.dispose();
});

const NOW = new Date();

function capture(): { read: TSqlReader; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    read: async (text, values) => {
      statements.push(text);
      return database.read(text, values);
    },
  };
}

const bothWays = (params: Record<string, string>) => listBothWays(database, params, NOW);

describe("risk tags resolved before the statement", () => {
  it("a tag nobody holds is a constant false: the list statement reads no credential", async () => {
    const { read, statements } = capture();
    expect(await resolveFilter(read, ZCredentialListQuery.parse({ privilege: "unknown", sort: "name" }))).toEqual({ tagIds: [] });
    const query = ZCredentialListQuery.parse({ privilege: "unknown", sort: "name" });
    const listed = capture();
    expect(JSON.parse(await listCredentialsBody(listed.read, query, NOW)).items).toEqual([]);
    expect(listed.statements.at(-1)).toContain("false");
    expect(statements[0]).toMatch(/^EXPLAIN \(FORMAT JSON\) SELECT 1 FROM credential_risks r WHERE r\.privileges && \$1::text\[\]$/);
    expect(await bothWays({ privilege: "unknown", sort: "name" })).toEqual([]);
  });

  it("a rare tag is its holders' ids, and every sort pages the same rows as the one-statement form", async () => {
    const resolved = await resolveFilter(database.read, ZCredentialListQuery.parse({ factor: "audience-mismatch" }));
    expect([...(resolved.tagIds ?? [])].sort()).toEqual([...tagged].sort());
    for (const sort of ["name", "risk", "expires", "lastUsed"]) expect((await bothWays({ factor: "audience-mismatch", sort })).sort()).toEqual([...tagged].sort());
    // Combined with other tag and credential conditions, still the intersection.
    const some = await bothWays({ factor: "audience-mismatch", env: "prod" });
    expect(tagged).toEqual(expect.arrayContaining(some));
  });

  it("a tag held by more than the id limit is left to the planner, with the same answer", async () => {
    const [common] = await database.read<{ factor: string; n: number }>(
      `SELECT f AS factor, count(*)::int AS n FROM credential_risks, unnest(factor_ids) f GROUP BY f ORDER BY count(*) DESC, f LIMIT 1`,
      [],
    );
    expect(common!.n).toBeGreaterThan(3);
    expect(await resolveFilter(database.read, ZCredentialListQuery.parse({ factor: common!.factor }), 3)).toEqual({});
    const unlimited = await resolveFilter(database.read, ZCredentialListQuery.parse({ factor: common!.factor }));
    expect(unlimited.tagIds).toHaveLength(common!.n);
    await bothWays({ factor: common!.factor, sort: "name" });
  });

  it("a row that loses its tag between the probe and the page is not listed (the tag condition stays)", async () => {
    const query = ZCredentialListQuery.parse({ factor: "audience-mismatch", limit: "200" });
    const resolved = await resolveFilter(database.read, query);
    await database.prisma.$executeRawUnsafe(`UPDATE credential_risks SET factor_ids = array_remove(factor_ids, 'audience-mismatch') WHERE credential_id = $1::uuid`, tagged[0]);
    const plan = buildListQuery(query, NOW, undefined, resolved);
    const [row] = await database.read<{ body: string }>(plan.text, plan.values);
    expect((JSON.parse(row!.body) as { items: { id: string }[] }).items.map((i) => i.id).sort()).toEqual(tagged.slice(1).sort());
  });

  it("no tag or scope in the filter: nothing is read first", async () => {
    const { read, statements } = capture();
    expect(await resolveFilter(read, ZCredentialListQuery.parse({ env: "prod", sort: "name" }))).toEqual({});
    expect(statements).toEqual([]);
  });
});

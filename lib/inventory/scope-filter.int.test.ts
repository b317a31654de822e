import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSqlReader } from "@/lib/db/sql-reader";
import { listCredentialsBody } from "@/lib/inventory/queries";
import { buildListQuery } from "@/lib/inventory/query-builder";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import { listBothWays } from "@/lib/inventory/testing/list-both-ways";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The scope filter's cost: a scope no credential carries must cost nothing (it used to walk every
 * credential, 21 s at 1M rows), and scopes written later (insert, bulk insert, update) must be found,
 * because the filter resolves the text against the scope vocabulary first.
 */

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, { credentials: 300, seed: 7, demoPassword: "scope-filter-password-0123" });
  await database.prisma.$executeRawUnsafe("ANALYZE");
});
afterAll(async () => {
  await database?.dispose();
});

const NOW = new Date();

const ids = (params: Record<string, string>) => listBothWays(database, params, NOW);

type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Loops"?: number; "Actual Rows"?: number; Plans?: TPlanNode[] };

function scansOf(node: TPlanNode, relation: string, out: TPlanNode[] = []): TPlanNode[] {
  if (node["Relation Name"] === relation) out.push(node);
  for (const child of node.Plans ?? []) scansOf(child, relation, out);
  return out;
}

describe("scope filter", () => {
  it("reads no credential at all for a scope nobody has", async () => {
    const sql = buildListQuery(ZCredentialListQuery.parse({ scope: "no-such-scope-anywhere" }), NOW);
    const [row] = await database.read<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    const cell = row!["QUERY PLAN"];
    const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: TPlanNode }[];
    const scans = [...scansOf(plan[0]!.Plan, "credentials"), ...scansOf(plan[0]!.Plan, "credential_risks")];
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect({ node: scan["Node Type"], rows: scan["Actual Rows"] ?? 0, loops: scan["Actual Loops"] ?? 0 }).toMatchObject({ loops: 0 });
    expect(await ids({ scope: "no-such-scope-anywhere" })).toEqual([]);
  });

  it("as the API runs it, a scope nobody has is a constant: the statement reads no credential", async () => {
    const statements: { text: string; values: readonly unknown[] }[] = [];
    const capture: TSqlReader = async (text, values) => {
      statements.push({ text, values });
      return database.read(text, values);
    };
    expect(JSON.parse(await listCredentialsBody(capture, ZCredentialListQuery.parse({ scope: "no-such-scope-anywhere" }), NOW)).items).toEqual([]);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({ values: ["%no-such-scope-anywhere%"] });
    expect(statements[1]!.text).not.toContain("scope_names");
    expect(statements[1]!.text).toContain("WHERE false");
  });

  it("a scope text with LIKE metacharacters matches them literally", async () => {
    const provider = await database.prisma.provider.findFirstOrThrow();
    const literal = await database.prisma.credential.create({ data: { name: "scope literal", kind: "api_key", providerId: provider.id, scopes: ["promo:50%_off"] } });
    await database.prisma.credential.create({ data: { name: "scope lookalike", kind: "api_key", providerId: provider.id, scopes: ["promo:50xyoff"] } });
    expect(await ids({ scope: "50%_off" })).toEqual([literal.id]);
    expect(await ids({ scope: "%" })).toEqual([literal.id]);
    expect(await ids({ scope: "' OR 1=1 --" })).toEqual([]);
  });

  it("finds scopes written after the migration: single insert, multi-row insert and update", async () => {
    const provider = await database.prisma.provider.findFirstOrThrow();
    const one = await database.prisma.credential.create({ data: { name: "scope one", kind: "api_key", providerId: provider.id, scopes: ["Tenant:Alpha.Read"] } });
    await database.prisma.credential.createMany({
      data: [
        { name: "scope many a", kind: "api_key", providerId: provider.id, scopes: ["x", "tenant:beta.write"] },
        { name: "scope many b", kind: "api_key", providerId: provider.id, scopes: ["tenant:beta.write"] },
      ],
    });
    const many = (await database.prisma.credential.findMany({ where: { name: { startsWith: "scope many" } }, select: { id: true } })).map((c) => c.id);
    const updated = await database.prisma.credential.findFirstOrThrow({ where: { NOT: { name: { startsWith: "scope" } } } });
    await database.prisma.credential.update({ where: { id: updated.id }, data: { scopes: { push: "tenant:gamma.admin" } } });

    expect(await ids({ scope: "alpha.read" })).toEqual([one.id]);
    expect((await ids({ scope: "BETA.WRITE" })).sort()).toEqual([...many].sort());
    expect(await ids({ scope: "gamma.adm" })).toEqual([updated.id]);
    // Every tenant: scope, whatever its case: a substring of several vocabulary entries.
    expect((await ids({ scope: "tenant:" })).sort()).toEqual([one.id, ...many, updated.id].sort());
  });

  it("stops matching a scope removed from its credential", async () => {
    const c = await database.prisma.credential.findFirstOrThrow({ where: { scopes: { has: "tenant:gamma.admin" } } });
    await database.prisma.credential.update({ where: { id: c.id }, data: { scopes: [] } });
    expect(await ids({ scope: "gamma.adm" })).toEqual([]);
  });
});

import { expect } from "vitest";
import { countCredentials, listCredentialsBody } from "@/lib/inventory/queries";
import { buildListQuery } from "@/lib/inventory/query-builder";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import type { TTestDatabase } from "@/lib/testing/test-database";

/**
 * The ids a filter lists (up to 200), asserted equal both ways the statement can be written: as the
 * API runs it (lib/inventory/resolve-filter.ts reads scope names and rare tags' ids first) and in
 * one statement (nothing resolved); the count agrees too.
 */
export async function listBothWays(database: TTestDatabase, params: Record<string, string>, now: Date): Promise<string[]> {
  const query = ZCredentialListQuery.parse({ ...params, limit: "200" });
  const plain = buildListQuery(query, now);
  const [row] = await database.read<{ body: string }>(plain.text, plain.values);
  const inStatement = (JSON.parse(row!.body) as { items: { id: string }[] }).items.map((i) => i.id);
  const resolved = (JSON.parse(await listCredentialsBody(database.read, query, now)) as { items: { id: string }[] }).items.map((i) => i.id);
  expect(resolved).toEqual(inStatement);
  expect(await countCredentials(database.prisma, query, now)).toEqual({ value: inStatement.length, precision: "exact" });
  return inStatement;
}

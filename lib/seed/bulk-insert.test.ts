import { describe, expect, it } from "vitest";
import { insertRows, insertSql, pgArrayLiteral, pgJson, pgTextArray, pgTimestamp, type TTableSpec } from "@/lib/seed/bulk-insert";

describe("insertSql", () => {
  it("inserts from one text[] parameter per column, casting each column", () => {
    expect(insertSql("credentials", [{ column: "id", cast: "uuid" }, { column: "kind", cast: `"CredentialKind"` }])).toBe(
      `INSERT INTO "credentials" ("id", "kind") SELECT c0::uuid, c1::"CredentialKind" FROM unnest($1::text[], $2::text[]) AS u(c0, c1)`,
    );
  });
});

describe("encoders", () => {
  it("quote and escape array elements, with NULL unquoted", () => {
    expect(pgArrayLiteral(["a", null, 'say "hi"', "back\\slash", "NULL", ""])).toBe(
      `{"a",NULL,"say \\"hi\\"","back\\\\slash","NULL",""}`,
    );
    expect(pgTextArray([])).toBe("{}");
  });

  it("nest a text[] value inside the column's text[] parameter", () => {
    expect(pgArrayLiteral([pgTextArray(["repo", "read:org"])])).toBe(`{"{\\"repo\\",\\"read:org\\"}"}`);
  });

  it("write UTC ISO timestamps and JSON", () => {
    expect(pgTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5, 6))).toBe("2025-01-02T03:04:05.006Z");
    expect(pgTimestamp(null)).toBeNull();
    expect(pgJson({ a: 1 })).toBe('{"a":1}');
    expect(pgJson(null)).toBeNull();
  });
});

describe("insertRows", () => {
  it("sends batches of at most 5,000 rows and one parameter per column", async () => {
    const calls: unknown[][] = [];
    const db = { $executeRawUnsafe: async (_sql: string, ...values: unknown[]) => { calls.push(values); return 0; } };
    const spec: TTableSpec<{ id: string }> = { table: "t", columns: [["id", "text", (r) => r.id], ["twice", "text", (r) => r.id + r.id]] };
    const count = await insertRows(db, spec, Array.from({ length: 12_001 }, (_, i) => ({ id: String(i) })));
    expect(count).toBe(12_001);
    expect(calls.map((c) => c.length)).toEqual([2, 2, 2]);
    expect(calls[2]?.[0]).toBe(pgArrayLiteral(Array.from({ length: 2_001 }, (_, i) => String(10_000 + i))));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeOperation, type TAnyOperation } from "@/lib/server/execute";
import { addTeamMemberOperation, createTeamOperation, removeTeamMemberOperation } from "@/lib/teams/operations";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
});
afterAll(async () => {
  await database?.dispose();
});

const run = (op: TAnyOperation, input: unknown) => executeOperation(database.prisma, op, actors.admin, input);

describe("teams", () => {
  it("creates a team, adds and removes a member, each audited", async () => {
    const created = await run(createTeamOperation, { name: "Payments", slug: "payments" });
    expect(created.ok).toBe(true);
    const teamId = created.ok ? (created.data as { id: string }).id : "";
    expect(await run(addTeamMemberOperation, { teamId, userId: actors.owner.id })).toMatchObject({ ok: true });
    expect(await database.prisma.teamMembership.count({ where: { teamId } })).toBe(1);
    expect(await run(removeTeamMemberOperation, { teamId, userId: actors.owner.id })).toMatchObject({ ok: true });
    const actions = (await database.prisma.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["teams.create", "teams.add_member", "teams.remove_member"]);
  });

  it("rejects bad input with a clear message and writes nothing", async () => {
    const cases: [TAnyOperation, unknown, string, RegExp][] = [
      [createTeamOperation, { name: "X", slug: "x" }, "VALIDATION", /at least 2/],
      [createTeamOperation, { name: "Valid name", slug: "Not A Slug" }, "VALIDATION", /Slug/],
      [createTeamOperation, { name: "Payments again", slug: "payments" }, "CONFLICT", /already exists/],
      // A second team with the same name, whatever its case or spacing, would make every owner picker ambiguous.
      [createTeamOperation, { name: "payments", slug: "payments-2" }, "CONFLICT", /A team named "Payments" already exists/],
      [createTeamOperation, { name: "  PAYMENTS ", slug: "payments-3" }, "CONFLICT", /A team named "Payments" already exists/],
      [addTeamMemberOperation, { teamId: "nope", userId: actors.owner.id }, "VALIDATION", /teamId/],
      [addTeamMemberOperation, { teamId: "00000000-0000-7000-8000-000000000000", userId: actors.owner.id }, "NOT_FOUND", /team/],
      [removeTeamMemberOperation, { teamId: "00000000-0000-7000-8000-000000000000", userId: "00000000-0000-7000-8000-000000000000" }, "NOT_FOUND", /team/],
    ];
    for (const [op, input, code, message] of cases) {
      const before = await snapshotCounts(database.prisma);
      const result = await run(op, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
      expect(await snapshotCounts(database.prisma)).toEqual(before);
    }
  });

  it("refuses a duplicate name even when two requests race (the database's unique index decides)", async () => {
    const results = await Promise.all(["race-a", "race-b", "race-c"].map((slug) => run(createTeamOperation, { name: `Race ${slug === "race-a" ? "Team" : "TEAM"}`, slug })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r.ok ? null : r.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already exists/) });
    expect(await database.prisma.team.count({ where: { name: { equals: "race team", mode: "insensitive" } } })).toBe(1);
    // Bypassing the operation does not help either: the constraint is in the schema.
    await expect(database.prisma.team.create({ data: { name: "race team", slug: "race-d" } })).rejects.toThrow();
  });

  it("refuses to add a member twice", async () => {
    const team = await database.prisma.team.create({ data: { name: "Data", slug: "data" } });
    expect(await run(addTeamMemberOperation, { teamId: team.id, userId: actors.owner.id })).toMatchObject({ ok: true });
    const again = await run(addTeamMemberOperation, { teamId: team.id, userId: actors.owner.id });
    expect(again.ok ? null : again.error.code).toBe("CONFLICT");
  });
});

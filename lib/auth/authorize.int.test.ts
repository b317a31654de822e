import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOwnedBy } from "@/lib/auth/access";
import type { TActor } from "@/lib/auth/actor";
import { authorizeResources, ResourceDenied } from "@/lib/auth/authorize";
import { countCredentials, listCredentials } from "@/lib/inventory/queries";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * "Owned" means one thing in three places: the lock query of the resource gate (SQL), the "mine"
 * list filter (the same SQL), and `isOwnedBy` that pages use to show a control (JS). Same rows, same
 * answers — for an actor without a team and one in two teams.
 */

let database: TTestDatabase;
let rows: { id: string; ownerId: string | null; teamId: string | null }[];
let soloActor: TActor;
let teamActor: TActor;

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  const [me, other] = await Promise.all(
    ["me", "other"].map((n) => prisma.user.create({ data: { email: `${n}@scope.test`, name: n, role: "owner" } })),
  );
  const [a, b, c] = await Promise.all(["a", "b", "c"].map((n) => prisma.team.create({ data: { name: `Team ${n}`, slug: `team-${n}` } })));
  const providerId = (await prisma.provider.create({ data: { name: "Scope test", type: "github" } })).id;
  const shapes: [string | null, string | null][] = [
    [me!.id, null], [me!.id, c!.id], [other!.id, a!.id], [other!.id, b!.id], [null, a!.id], [other!.id, c!.id], [other!.id, null], [null, null],
  ];
  rows = [];
  for (const [i, [ownerId, teamId]] of shapes.entries()) {
    const created = await prisma.credential.create({ data: { name: `scope-row-${i}`, kind: "pat", providerId, ownerId, teamId } });
    rows.push({ id: created.id, ownerId, teamId });
  }
  soloActor = { id: me!.id, email: me!.email, name: me!.name, role: "owner", teamIds: [] };
  teamActor = { ...soloActor, teamIds: [a!.id, b!.id] };
});
afterAll(async () => {
  await database?.dispose();
});

describe("one meaning of owned", () => {
  for (const which of ["without a team", "in two teams"] as const) {
    it(`agrees between the lock query, the mine filter and isOwnedBy (${which})`, async () => {
      const actor = which === "without a team" ? soloActor : teamActor;
      const expected = rows.filter((r) => isOwnedBy(r, actor)).map((r) => r.id).sort();
      expect(expected.length).toBeGreaterThan(0);

      const page = await listCredentials(database.prisma, { mine: true, q: "scope-row", sort: "name", dir: "asc", limit: 100 }, new Date(), actor);
      expect(page.items.map((i) => i.id).sort()).toEqual(expected);
      expect(await countCredentials(database.prisma, { mine: true, q: "scope-row" }, new Date(), actor)).toEqual({ value: expected.length, precision: "exact" });

      const locked = await database.prisma.$transaction((tx) => authorizeResources(tx, actor, "ownership.assign", { type: "credential", ids: expected }));
      expect(locked.map((l) => l.id).sort()).toEqual(expected);
      const outside = rows.filter((r) => !isOwnedBy(r, actor)).map((r) => r.id);
      const refused = await database.prisma
        .$transaction((tx) => authorizeResources(tx, actor, "ownership.assign", { type: "credential", ids: [...expected, ...outside] }))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ResourceDenied);
      expect((refused as ResourceDenied).deniedIds.sort()).toEqual(outside.sort());
    });
  }

  it("refuses mine=1 without a viewer, and answers NOT_FOUND for a target that does not exist", async () => {
    await expect(listCredentials(database.prisma, { mine: true, sort: "name", dir: "asc", limit: 10 })).rejects.toMatchObject({ code: "VALIDATION" });
    const missing = await database.prisma
      .$transaction((tx) => authorizeResources(tx, soloActor, "ownership.assign", { type: "credential", ids: [rows[0]!.id, "00000000-0000-4000-8000-000000000000"] }))
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
  });
});

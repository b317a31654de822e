import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findActiveActor } from "@/lib/auth/queries";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const p = database.prisma;
  const [a, b] = await Promise.all([
    p.team.create({ data: { slug: "alpha", name: "Alpha" } }),
    p.team.create({ data: { slug: "beta", name: "Beta" } }),
  ]);
  const member = await p.user.create({ data: { email: "member@test.local", name: "Member", role: "owner" } });
  const loner = await p.user.create({ data: { email: "loner@test.local", name: "Loner", role: "auditor" } });
  const gone = await p.user.create({ data: { email: "gone@test.local", name: "Gone", role: "admin", active: false } });
  await p.teamMembership.createMany({ data: [{ teamId: a.id, userId: member.id }, { teamId: b.id, userId: member.id }, { teamId: a.id, userId: gone.id }] });
  Object.assign(ids, { member: member.id, loner: loner.id, gone: gone.id, a: a.id, b: b.id });
});
afterAll(async () => {
  await database?.dispose();
});

// Through the database's hot-path reader: the driver's pool on PostgreSQL, Prisma on PGlite.
describe("findActiveActor", () => {
  it("returns an active user's current role and every team, in one statement", async () => {
    const actor = await findActiveActor(database.read, ids.member!);
    expect(actor).toEqual({ id: ids.member, email: "member@test.local", name: "Member", role: "owner", teamIds: [ids.a, ids.b].sort() });
  });

  it("gives a user without teams an empty list", async () => {
    expect(await findActiveActor(database.read, ids.loner!)).toMatchObject({ role: "auditor", teamIds: [] });
  });

  it("sees a role change at once", async () => {
    await database.prisma.user.update({ where: { id: ids.loner! }, data: { role: "security" } });
    expect(await findActiveActor(database.read, ids.loner!)).toMatchObject({ role: "security" });
  });

  it("returns null for a deactivated user, an unknown id and a malformed id", async () => {
    expect(await findActiveActor(database.read, ids.gone!)).toBeNull();
    expect(await findActiveActor(database.read, "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")).toBeNull();
    expect(await findActiveActor(database.read, "'; DROP TABLE users; --")).toBeNull();
    expect(await findActiveActor(database.read, "")).toBeNull();
  });
});

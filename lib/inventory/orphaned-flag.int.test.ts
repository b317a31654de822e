import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOrphaned } from "@/lib/inventory/orphaned";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * `credentials.orphaned` is lib/inventory/orphaned.ts's definition kept by triggers. After every
 * kind of change that can alter the answer, the flag, the SQL definition and isOrphaned agree on
 * every credential.
 */

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, { credentials: 120, seed: 5, demoPassword: "orphaned-flag-password-0123" });
});
afterAll(async () => {
  await database?.dispose();
});

async function flagged(): Promise<Set<string>> {
  return new Set((await database.read<{ id: string }>("SELECT id::text AS id FROM credentials WHERE orphaned", [])).map((r) => r.id));
}

async function expectConsistent(): Promise<Set<string>> {
  const rows = await database.prisma.credential.findMany({
    select: { id: true, owner: { select: { active: true } }, team: { select: { id: true } }, identity: { select: { owner: { select: { active: true } }, team: { select: { id: true } } } } },
  });
  const byTs = new Set(rows.filter((c) => isOrphaned(c, c.identity)).map((c) => c.id));
  const bySql = new Set(
    (await database.read<{ id: string }>("SELECT id::text AS id FROM credentials WHERE tokenward_credential_orphaned(team_id, owner_id, identity_id)", [])).map((r) => r.id),
  );
  const flag = await flagged();
  expect([...flag].sort()).toEqual([...byTs].sort());
  expect([...bySql].sort()).toEqual([...byTs].sort());
  return flag;
}

async function freshUser(active = true) {
  return database.prisma.user.create({ data: { email: `u-${crypto.randomUUID()}@example.test`, name: "Flag test", role: "owner", active } });
}

async function bare(name: string, data: Record<string, unknown> = {}) {
  const provider = await database.prisma.provider.findFirstOrThrow();
  return database.prisma.credential.create({ data: { name, kind: "api_key", providerId: provider.id, ...data } });
}

describe("credentials.orphaned", () => {
  it("matches the definition on seeded data, both ways round", async () => {
    const flag = await expectConsistent();
    expect(flag.size).toBeGreaterThan(0);
    expect(flag.size).toBeLessThan(await database.prisma.credential.count());
  });

  it("follows the credential's own owner, team and identity, on insert (one and many) and update", async () => {
    const alice = await freshUser();
    const c = await bare("flag own");
    expect((await flagged()).has(c.id)).toBe(true);
    await database.prisma.credential.update({ where: { id: c.id }, data: { ownerId: alice.id } });
    expect((await flagged()).has(c.id)).toBe(false);
    const team = await database.prisma.team.create({ data: { slug: `t-${crypto.randomUUID()}`, name: "Flag team" } });
    await database.prisma.credential.update({ where: { id: c.id }, data: { ownerId: null, teamId: team.id } });
    expect((await flagged()).has(c.id)).toBe(false);
    const provider = await database.prisma.provider.findFirstOrThrow();
    await database.prisma.credential.createMany({
      data: [
        { name: "flag many a", kind: "api_key", providerId: provider.id },
        { name: "flag many b", kind: "api_key", providerId: provider.id, ownerId: alice.id },
      ],
    });
    await expectConsistent();
  });

  it("follows the identity's team and owner, and the owner's active flag (directly and through the identity)", async () => {
    const bob = await freshUser();
    const identity = await database.prisma.identity.create({ data: { kind: "service_account", name: "flag sa", ownerId: bob.id } });
    const held = await bare("flag held", { identityId: identity.id });
    const direct = await bare("flag direct", { ownerId: bob.id });
    expect((await flagged()).has(held.id)).toBe(false);

    await database.prisma.user.update({ where: { id: bob.id }, data: { active: false } });
    let flag = await expectConsistent();
    expect([flag.has(held.id), flag.has(direct.id)]).toEqual([true, true]);

    await database.prisma.user.update({ where: { id: bob.id }, data: { active: true } });
    flag = await expectConsistent();
    expect([flag.has(held.id), flag.has(direct.id)]).toEqual([false, false]);

    await database.prisma.identity.update({ where: { id: identity.id }, data: { ownerId: null } });
    expect((await expectConsistent()).has(held.id)).toBe(true);
    const team = await database.prisma.team.create({ data: { slug: `t-${crypto.randomUUID()}`, name: "Flag team 2" } });
    await database.prisma.identity.update({ where: { id: identity.id }, data: { teamId: team.id } });
    expect((await expectConsistent()).has(held.id)).toBe(false);
  });

  it("follows deletions: a team, an owner and an identity removed (their references set to NULL)", async () => {
    const carol = await freshUser();
    const team = await database.prisma.team.create({ data: { slug: `t-${crypto.randomUUID()}`, name: "Flag team 3" } });
    const identity = await database.prisma.identity.create({ data: { kind: "service_account", name: "flag sa 2", ownerId: carol.id } });
    const byTeam = await bare("flag by team", { teamId: team.id });
    const byOwner = await bare("flag by owner", { ownerId: carol.id });
    const byIdentity = await bare("flag by identity", { identityId: identity.id });
    const other = await freshUser();
    const keeper = await bare("flag identity gone, own owner stays", { identityId: identity.id, ownerId: other.id });
    let flag = await expectConsistent();
    expect([byTeam, byOwner, byIdentity, keeper].map((c) => flag.has(c.id))).toEqual([false, false, false, false]);

    await database.prisma.team.delete({ where: { id: team.id } });
    await database.prisma.identity.delete({ where: { id: identity.id } });
    flag = await expectConsistent();
    expect([byTeam, byIdentity, keeper].map((c) => flag.has(c.id))).toEqual([true, true, false]);

    await database.prisma.user.delete({ where: { id: carol.id } });
    expect((await expectConsistent()).has(byOwner.id)).toBe(true);
  });

  it("rewrites only the credentials whose flag changes when an identity or a user changes", async () => {
    const erin = await freshUser();
    const team = await database.prisma.team.create({ data: { slug: `t-${crypto.randomUUID()}`, name: "Flag team 4" } });
    const identity = await database.prisma.identity.create({ data: { kind: "service_account", name: "flag sa 3", ownerId: erin.id } });
    const flips = await bare("flag flips", { identityId: identity.id });
    const teamed = await bare("flag keeps its team", { identityId: identity.id, teamId: team.id });
    const teamedDirect = await bare("flag owned, with a team", { ownerId: erin.id, teamId: team.id });
    // xmin is the transaction that wrote the row version: unchanged, the row was not rewritten.
    const versions = async () =>
      new Map((await database.read<{ id: string; v: string }>("SELECT id::text AS id, xmin::text AS v FROM credentials WHERE id = ANY($1::uuid[])", [[flips.id, teamed.id, teamedDirect.id]])).map((r) => [r.id, r.v]));
    const before = await versions();

    await database.prisma.user.update({ where: { id: erin.id }, data: { active: false } });
    let after = await versions();
    expect((await expectConsistent()).has(flips.id)).toBe(true);
    expect(after.get(flips.id)).not.toBe(before.get(flips.id));
    expect([after.get(teamed.id), after.get(teamedDirect.id)]).toEqual([before.get(teamed.id), before.get(teamedDirect.id)]);

    await database.prisma.identity.update({ where: { id: identity.id }, data: { ownerId: null } });
    const unchanged = await versions();
    expect(unchanged).toEqual(after);
    await database.prisma.identity.update({ where: { id: identity.id }, data: { teamId: team.id } });
    after = await versions();
    expect((await expectConsistent()).has(flips.id)).toBe(false);
    expect(after.get(teamed.id)).toBe(unchanged.get(teamed.id));
  });

  it("cannot be written: a direct write is recomputed", async () => {
    const dave = await freshUser();
    const c = await bare("flag forged", { ownerId: dave.id });
    await database.prisma.$executeRawUnsafe("UPDATE credentials SET orphaned = true WHERE id = $1::uuid", c.id);
    expect((await flagged()).has(c.id)).toBe(false);
    const orphan = await bare("flag forged 2");
    await database.prisma.$executeRawUnsafe("UPDATE credentials SET orphaned = false WHERE id = $1::uuid", orphan.id);
    expect((await flagged()).has(orphan.id)).toBe(true);
    await expectConsistent();
  });
});

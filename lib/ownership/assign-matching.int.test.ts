import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assignMatchingOperation } from "@/lib/ownership/operations";
import { MAX_MATCHING_ASSIGN } from "@/lib/ownership/schemas";
import { seedDatabase } from "@/lib/seed";
import { executeOperation } from "@/lib/server/execute";
import { seededActors, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * "Select all N matching this filter" (ownership.assign_matching): the server reads the filter, not
 * a list of ids; owners are confined to their own and their team's credentials; a cap; one
 * transaction; audited like a bulk assignment. Hostile input first. On PGlite and PostgreSQL.
 */

const NOW = new Date(Date.UTC(2026, 10, 20, 12));

let database: TTestDatabase;
let prisma: PrismaClient;
let actors: Record<TRole, TActor>;
let providerId: string;

const run = (input: unknown, actor: TActor) => executeOperation(prisma, assignMatchingOperation, actor, input);

/** owner/team of every credential, hashed: "nothing changed" in one value. */
async function ownershipDigest(): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<{ d: string }[]>(
    "SELECT md5(string_agg(id::text || coalesce(owner_id::text, '-') || coalesce(team_id::text, '-'), ',' ORDER BY id)) AS d FROM credentials",
  );
  return row!.d;
}

async function notificationCount(): Promise<number> {
  return prisma.notification.count();
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: 300, seed: 9, now: NOW, demoPassword: "assign-matching-test-password" });
  actors = await seededActors(prisma);
  providerId = (await prisma.provider.create({ data: { name: "Bulk provider", type: "github" } })).id;
  // More than the cap, all with one searchable name.
  await prisma.credential.createMany({
    data: Array.from({ length: MAX_MATCHING_ASSIGN + 1 }, (_, i) => ({ name: `overflow${i}`, kind: "pat" as const, providerId, externalId: `overflow${i}` })),
  });
}, 180_000);

afterAll(async () => {
  await database?.dispose();
});

describe("ownership.assign_matching: refused, nothing written", () => {
  const team = async () => (await prisma.team.findFirstOrThrow({ orderBy: { slug: "asc" } })).id;
  const cases: [string, () => Promise<unknown>, TRole, string, RegExp][] = [
    ["a filter over the cap", async () => ({ filter: `provider=${providerId}`, expected: MAX_MATCHING_ASSIGN, teamId: await team() }), "security", "VALIDATION", /more than 1,000 credentials you may assign; at most 1,000 can be assigned at once\. Narrow the filter/],
    ["an expected count over the cap", async () => ({ filter: "status=active", expected: MAX_MATCHING_ASSIGN + 1, teamId: await team() }), "security", "VALIDATION", /at most 1000 credentials at once/],
    ["an unknown filter value", async () => ({ filter: "status=hacked", expected: 1, teamId: await team() }), "security", "VALIDATION", /filter: status/],
    ["an unknown filter key (an id list smuggled in)", async () => ({ filter: "ids=0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", expected: 1, teamId: await team() }), "security", "VALIDATION", /"ids" is not an inventory parameter/],
    ["SQL in a filter value", async () => ({ filter: "owner=1;DROP TABLE credentials", expected: 1, teamId: await team() }), "security", "VALIDATION", /filter: owner/],
    ["a filter key given twice", async () => ({ filter: "status=active&status=revoked", expected: 1, teamId: await team() }), "security", "VALIDATION", /status is given twice/],
    ["a filter that is not text", async () => ({ filter: { status: "active" }, expected: 1, teamId: await team() }), "security", "VALIDATION", /filter must be the inventory's query string/],
    ["ids sent instead of a filter", async () => ({ credentialIds: ["0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"], filter: "", expected: 1, teamId: await team() }), "security", "VALIDATION", /credentialIds/],
    ["a stale count", async () => ({ filter: `provider=${providerId}&q=overflow1000`, expected: 2, teamId: await team() }), "security", "CONFLICT", /now matches 1 credential you may assign, not 2\. Nothing was changed/],
    ["a filter matching nothing", async () => ({ filter: "q=no-such-credential-anywhere", expected: 1, teamId: await team() }), "security", "NOT_FOUND", /No credential matches/],
    // Resolved before the statement (lib/inventory/resolve-filter.ts): constant false, the same answer.
    ["a scope nobody carries", async () => ({ filter: "scope=no-such-scope-zq", expected: 1, teamId: await team() }), "security", "NOT_FOUND", /No credential matches/],
    ["a risk tag nobody holds", async () => ({ filter: "privilege=unknown", expected: 1, teamId: await team() }), "security", "NOT_FOUND", /No credential matches/],
    ["no owner and no team", async () => ({ filter: "status=active", expected: 1 }), "security", "VALIDATION", /choose an owner, a team, or both/],
    ["an auditor", async () => ({ filter: "status=active", expected: 1, teamId: await team() }), "auditor", "FORBIDDEN", /./],
  ];
  for (const [label, input, role, code, message] of cases) {
    it(`refuses ${label}`, async () => {
      const value = await input();
      const [counts, digest, notices] = [await snapshotCounts(prisma), await ownershipDigest(), await notificationCount()];
      const result = await run(value, actors[role]);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
      const denied = code === "FORBIDDEN" ? 1 : 0;
      expect(await snapshotCounts(prisma)).toEqual({ ...counts, auditEvents: counts.auditEvents + denied });
      expect(await ownershipDigest()).toBe(digest);
      expect(await notificationCount()).toBe(notices);
    });
  }

  it("refuses an owner whose filter matches only other teams' credentials, and records the refusal", async () => {
    const owner = actors.owner;
    const foreign = await prisma.credential.findFirstOrThrow({
      where: { NOT: { ownerId: owner.id }, OR: [{ teamId: null }, { teamId: { notIn: owner.teamIds } }], name: { not: { startsWith: "overflow" } } },
    });
    const digest = await ownershipDigest();
    const result = await run({ filter: new URLSearchParams({ q: foreign.name }).toString(), expected: 1, ownerId: owner.id }, owner);
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringMatching(/None of the credentials matching this filter are yours or your team's/) } });
    expect(await prisma.auditEvent.findFirst({ where: { action: "access.denied", actorId: owner.id, targetType: "credential", targetId: { not: null } }, orderBy: { seq: "desc" } })).not.toBeNull();
    expect(await ownershipDigest()).toBe(digest);
  });
});

describe("ownership.assign_matching: assigns", () => {
  it("assigns every credential the filter matches, in one go, audited per credential and as a batch naming the filter; the new team is told", async () => {
    const team = await prisma.team.findFirstOrThrow({ where: { members: { some: {} } }, orderBy: { slug: "desc" }, include: { members: true } });
    const filter = `provider=${providerId}&q=overflow1`;
    // overflow1, overflow10…19, overflow100…199, overflow1000: a prefix search.
    const expected = await prisma.credential.count({ where: { providerId, name: { startsWith: "overflow1" } } });
    const seqBefore = (await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;
    const noticesBefore = (await prisma.notification.findMany({ select: { id: true } })).map((n) => n.id);
    const result = await run({ filter, expected, teamId: team.id }, actors.security);
    expect(result).toMatchObject({ ok: true, data: { changed: expected, outsideReach: 0 } });
    expect(await prisma.credential.count({ where: { providerId, name: { startsWith: "overflow1" }, teamId: team.id } })).toBe(expected);
    expect(await prisma.credential.count({ where: { providerId, teamId: team.id } })).toBe(expected);

    const events = await prisma.auditEvent.findMany({ where: { seq: { gt: seqBefore } }, orderBy: { seq: "asc" } });
    expect(events.filter((e) => e.action === "ownership.assign")).toHaveLength(expected);
    expect(events.at(-1)).toMatchObject({ action: "ownership.assign_batch", targetType: "credential_batch" });
    expect(events.at(-1)!.summary).toMatchObject({ selected: expected, changed: expected, filter: expect.stringContaining("q=overflow1"), outsideReach: 0, after: { team: team.name } });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);

    // Each active member (but not the actor) gets one notice for the batch.
    const members = team.members.map((m) => m.userId).filter((id) => id !== actors.security.id);
    const notices = await prisma.notification.findMany({ where: { id: { notIn: noticesBefore } } });
    expect(notices.map((n) => n.recipientId).sort()).toEqual([...members].sort());
    expect(notices[0]).toMatchObject({ targetType: "credential_batch", title: `${expected} credentials were assigned to your team ${team.name}`, href: `/inventory?team=${team.id}` });
  });

  it("confines an owner to their own and their team's credentials; the others are left alone and counted", async () => {
    const owner = actors.owner;
    const mineIds = (await prisma.credential.findMany({ where: { OR: [{ ownerId: owner.id }, { teamId: { in: owner.teamIds } }] }, select: { id: true }, take: 2, orderBy: { id: "asc" } })).map((c) => c.id);
    const othersIds = (await prisma.credential.findMany({
      where: { NOT: { ownerId: owner.id }, OR: [{ teamId: null }, { teamId: { notIn: owner.teamIds } }], name: { not: { startsWith: "overflow" } } },
      select: { id: true }, take: 3, orderBy: { id: "asc" },
    })).map((c) => c.id);
    expect(mineIds).toHaveLength(2);
    // One label every one of the five carries, and nothing else does.
    await prisma.credential.updateMany({ where: { id: { in: [...mineIds, ...othersIds] } }, data: { name: "matching-probe-credential" } });
    const before = await prisma.credential.findMany({ where: { id: { in: othersIds } }, select: { id: true, ownerId: true, teamId: true }, orderBy: { id: "asc" } });
    const handover = await prisma.team.findFirstOrThrow({ where: { id: { notIn: owner.teamIds } } });

    // The count the owner saw is of their own (mine=1): 5 would be refused as stale.
    expect(await run({ filter: "q=matching-probe-credential", expected: 5, teamId: handover.id }, owner)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const result = await run({ filter: "q=matching-probe-credential", expected: 2, teamId: handover.id }, owner);
    expect(result).toMatchObject({ ok: true, data: { changed: 2, outsideReach: 3 } });
    expect(await prisma.credential.count({ where: { id: { in: mineIds }, teamId: handover.id } })).toBe(2);
    expect(await prisma.credential.findMany({ where: { id: { in: othersIds } }, select: { id: true, ownerId: true, teamId: true }, orderBy: { id: "asc" } })).toEqual(before);
    const batch = await prisma.auditEvent.findFirstOrThrow({ where: { action: "ownership.assign_batch", actorId: owner.id }, orderBy: { seq: "desc" } });
    expect(batch.summary).toMatchObject({ selected: 2, outsideReach: 3 });
  });
});

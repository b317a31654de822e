import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { listEntityHistory } from "@/lib/audit/queries";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getIdentityDetail, listIdentities } from "@/lib/identities/queries";
import { recomputeCredentialCounters } from "@/lib/inventory/services/recompute-credential-counters";
import { getMcpServerDetail, listMcpServers } from "@/lib/mcp-servers/queries";
import { assignOwnershipOperation, claimOwnershipOperation } from "@/lib/ownership/operations";
import { seedDatabase } from "@/lib/seed";
import { executeOperation, type TAnyOperation } from "@/lib/server/execute";
import { seededActors, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Ownership (assign, claim) through the real pipeline, and the database machinery the inventory
 * relies on: counters and sort names kept by triggers. On PGlite and PostgreSQL.
 */

const NOW = new Date(Date.UTC(2026, 10, 20, 12));

let database: TTestDatabase;
let prisma: PrismaClient;
const actors = {} as Record<TRole, TActor>;


async function credentialWhere(sql: string): Promise<{ id: string; name: string; owner_id: string | null; team_id: string | null }> {
  const [row] = await prisma.$queryRawUnsafe<{ id: string; name: string; owner_id: string | null; team_id: string | null }[]>(
    `SELECT c.id, c.name, c.owner_id, c.team_id FROM credentials c WHERE ${sql} ORDER BY c.id LIMIT 1`,
  );
  if (!row) throw new Error(`no credential where ${sql}`);
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: 300, seed: 5, now: NOW, demoPassword: "ownership-test-password" });
  Object.assign(actors, await seededActors(prisma));
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

const run = (op: TAnyOperation, input: unknown, actor: TActor) => executeOperation(prisma, op, actor, input);

describe("ownership.assign", () => {
  it("assigns an owner and a team to one credential, rescored and audited with before/after", async () => {
    const c = await credentialWhere("c.owner_id IS NULL");
    const team = await prisma.team.findFirstOrThrow({ where: { id: { not: c.team_id ?? undefined } } });
    const result = await run(assignOwnershipOperation, { credentialIds: [c.id], ownerId: actors.owner.id, teamId: team.id }, actors.security);
    expect(result).toEqual({ ok: true, data: { changed: 1, unchanged: 0, credentialIds: [c.id] } });
    const after = await prisma.credential.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ ownerId: actors.owner.id, teamId: team.id, ownerName: actors.owner.name, teamName: team.name });
    expect((await prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: c.id } })).scoredAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ action: "ownership.assign", targetType: "credential", targetId: c.id, actorId: actors.security.id });
    expect(event.summary).toMatchObject({ credential: c.name, before: { owner: null }, after: { owner: actors.owner.email, team: team.name } });
    expect((await listEntityHistory("credential", c.id, 1, database.read)).items[0]).toMatchObject({ action: "ownership.assign" });
  });

  it("assigns in bulk: one event per credential in its history, and one for the batch", async () => {
    const rows = await prisma.credential.findMany({ where: { ownerId: { not: actors.admin.id } }, take: 3, orderBy: { id: "asc" }, select: { id: true } });
    const ids = rows.map((r) => r.id);
    const seqBefore = (await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;
    const result = await run(assignOwnershipOperation, { credentialIds: ids, ownerId: actors.admin.id }, actors.admin);
    expect(result).toMatchObject({ ok: true, data: { changed: 3 } });
    const events = await prisma.auditEvent.findMany({ where: { seq: { gt: seqBefore } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["ownership.assign", "ownership.assign", "ownership.assign", "ownership.assign_batch"]);
    expect(events.slice(0, 3).map((e) => e.targetId).sort()).toEqual([...ids].sort());
    expect(events[3]?.summary).toMatchObject({ selected: 3, changed: 3, after: { owner: actors.admin.email } });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    expect(await prisma.credential.count({ where: { id: { in: ids }, ownerId: actors.admin.id } })).toBe(3);
  });

  const refused: [string, () => Promise<unknown>, string, RegExp][] = [
    ["no owner and no team", async () => ({ credentialIds: [(await credentialWhere("true")).id] }), "VALIDATION", /choose an owner, a team, or both/],
    ["an empty selection", async () => ({ credentialIds: [], ownerId: null }), "VALIDATION", /at least one credential/],
    ["a malformed id", async () => ({ credentialIds: ["1; drop table credentials"], ownerId: null }), "VALIDATION", /credential ids/],
    ["a duplicate id", async () => { const id = (await credentialWhere("true")).id; return { credentialIds: [id, id], ownerId: null }; }, "VALIDATION", /listed twice/],
    ["an unknown field", async () => ({ credentialIds: [(await credentialWhere("true")).id], ownerId: null, role: "admin" }), "VALIDATION", /"role" is not a field/],
    ["a deactivated owner", async () => ({ credentialIds: [(await credentialWhere("true")).id], ownerId: (await prisma.user.findFirstOrThrow({ where: { active: false } })).id }), "VALIDATION", /not an active user/],
    ["an unknown team", async () => ({ credentialIds: [(await credentialWhere("true")).id], teamId: "00000000-0000-7000-8000-000000000000" }), "VALIDATION", /team does not exist/],
    ["a credential that does not exist", async () => ({ credentialIds: ["00000000-0000-7000-8000-000000000000"], ownerId: null }), "NOT_FOUND", /No such credential/],
    ["a change that changes nothing", async () => { const c = await credentialWhere("c.owner_id IS NOT NULL"); return { credentialIds: [c.id], ownerId: c.owner_id }; }, "CONFLICT", /Nothing to change/],
  ];
  for (const [label, input, code, message] of refused) {
    it(`refuses ${label} with a clear message, writing nothing`, async () => {
      const value = await input();
      const before = await snapshotCounts(prisma);
      const owners = await prisma.$queryRawUnsafe<{ h: string }[]>("SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) AS h FROM credentials");
      const result = await run(assignOwnershipOperation, value, actors.security);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
      expect(await snapshotCounts(prisma)).toEqual(before);
      expect(await prisma.$queryRawUnsafe("SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) AS h FROM credentials")).toEqual(owners);
    });
  }

  it("is refused to auditors, and to owners for what neither they nor their team own (the refusal is recorded)", async () => {
    const teams = actors.owner.teamIds.map((t) => `'${t}'`).join(",") || "NULL";
    const c = await credentialWhere(`c.owner_id IS DISTINCT FROM '${actors.owner.id}' AND (c.team_id IS NULL OR c.team_id NOT IN (${teams}))`);
    for (const [role, target] of [["owner", { targetType: "credential", targetId: c.id }], ["auditor", { targetType: "operation", targetId: "ownership.assign" }]] as const) {
      const result = await run(assignOwnershipOperation, { credentialIds: [c.id], ownerId: actors[role].id }, actors[role]);
      expect(result.ok ? null : result.error.code).toBe("FORBIDDEN");
      const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      expect(event).toMatchObject({ action: "access.denied", actorId: actors[role].id, ...target });
    }
    expect(await credentialWhere(`c.id = '${c.id}'`)).toMatchObject({ owner_id: c.owner_id, team_id: c.team_id });
  });
});

describe("ownership.claim", () => {
  it("lets an owner claim an orphan without an owner, visible in its history", async () => {
    const c = await credentialWhere("c.owner_id IS NULL");
    const result = await run(claimOwnershipOperation, { credentialIds: [c.id] }, actors.owner);
    expect(result).toMatchObject({ ok: true, data: { changed: 1 } });
    const after = await prisma.credential.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.ownerId).toBe(actors.owner.id);
    expect(after.teamId).toBe(c.team_id);
    expect((await listEntityHistory("credential", c.id, 1, database.read)).items[0]).toMatchObject({ action: "ownership.claim", actorLabel: "owner@tokenward.local (owner)" });
  });

  it("lets an owner claim a credential whose owner was deactivated", async () => {
    const c = await credentialWhere("c.owner_id IN (SELECT id FROM users WHERE NOT active)");
    expect(await run(claimOwnershipOperation, { credentialIds: [c.id] }, actors.owner)).toMatchObject({ ok: true });
  });

  it("refuses to claim a credential with an active owner, even in a batch, writing nothing", async () => {
    const owned = await credentialWhere(`c.owner_id IS NOT NULL AND c.owner_id IN (SELECT id FROM users WHERE active) AND c.owner_id <> '${actors.owner.id}'`);
    const orphan = await credentialWhere("c.owner_id IS NULL");
    const before = await snapshotCounts(prisma);
    const result = await run(claimOwnershipOperation, { credentialIds: [orphan.id, owned.id] }, actors.owner);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("CONFLICT");
      expect(result.error.message).toContain(owned.name);
    }
    expect(await snapshotCounts(prisma)).toEqual(before);
    expect((await prisma.credential.findUniqueOrThrow({ where: { id: orphan.id } })).ownerId).toBeNull();
  });

  it("is refused to auditors", async () => {
    const orphan = await credentialWhere("c.owner_id IS NULL");
    const result = await run(claimOwnershipOperation, { credentialIds: [orphan.id] }, actors.auditor);
    expect(result.ok ? null : result.error.code).toBe("FORBIDDEN");
  });
});

describe("maintained columns", () => {
  it("keeps exposure_count and consumer_count right through inserts, updates and deletes", async () => {
    const c = await credentialWhere("NOT EXISTS (SELECT 1 FROM bindings b WHERE b.credential_id = c.id) AND c.exposure_count = 0");
    const [a, b] = await prisma.identity.findMany({ take: 2, orderBy: { id: "asc" } });
    const counters = async () => prisma.credential.findUniqueOrThrow({ where: { id: c.id }, select: { exposureCount: true, consumerCount: true } });
    expect(await counters()).toEqual({ exposureCount: 0, consumerCount: 0 });

    await prisma.binding.create({ data: { credentialId: c.id, holderIdentityId: a!.id } });
    await prisma.binding.create({ data: { credentialId: c.id, holderIdentityId: a!.id, audience: "https://other.example" } });
    expect((await counters()).consumerCount).toBe(1);
    const second = await prisma.binding.create({ data: { credentialId: c.id, holderIdentityId: b!.id } });
    expect((await counters()).consumerCount).toBe(2);

    const exposure = await prisma.exposure.create({ data: { credentialId: c.id, fingerprint: `sha256:${"a".repeat(64)}`, locationKind: "env_file", location: ".env", detector: "test" } });
    await prisma.exposure.create({ data: { credentialId: c.id, fingerprint: `sha256:${"a".repeat(64)}`, locationKind: "repository", location: "x.py", detector: "test" } });
    expect((await counters()).exposureCount).toBe(2);
    await prisma.exposure.update({ where: { id: exposure.id }, data: { resolvedAt: NOW } });
    expect((await counters()).exposureCount).toBe(1);

    await prisma.binding.delete({ where: { id: second.id } });
    expect(await counters()).toEqual({ exposureCount: 1, consumerCount: 1 });

    // A repair: the service recomputes from the source rows.
    await prisma.$executeRawUnsafe(`UPDATE credentials SET exposure_count = 42, consumer_count = 42 WHERE id = $1::uuid`, c.id);
    expect(await recomputeCredentialCounters(prisma, [c.id])).toBe(1);
    expect(await counters()).toEqual({ exposureCount: 1, consumerCount: 1 });
    expect(await recomputeCredentialCounters(prisma, [c.id])).toBe(0);
  });

  it("keeps the owner, team and provider sort names in step with renames and reassignments", async () => {
    const c = await credentialWhere("c.owner_id IS NOT NULL AND c.team_id IS NOT NULL");
    const names = () => prisma.credential.findUniqueOrThrow({ where: { id: c.id }, select: { ownerName: true, teamName: true, providerName: true, providerId: true } });
    await prisma.user.update({ where: { id: c.owner_id! }, data: { name: "Renamed Person" } });
    await prisma.team.update({ where: { id: c.team_id! }, data: { name: "Renamed Team" } });
    const { providerId } = await names();
    await prisma.provider.update({ where: { id: providerId }, data: { name: "Renamed Provider" } });
    expect(await names()).toMatchObject({ ownerName: "Renamed Person", teamName: "Renamed Team", providerName: "Renamed Provider" });
    await prisma.credential.update({ where: { id: c.id }, data: { ownerId: null, teamId: null } });
    expect(await names()).toMatchObject({ ownerName: null, teamName: null });
  });
});

describe("identities and MCP servers", () => {
  it("lists identities by name with a keyset cursor and shows what each holds", async () => {
    const first = await listIdentities(prisma, {});
    expect(first.items.length).toBeGreaterThan(0);
    const second = first.nextCursor ? await listIdentities(prisma, { after: first.nextCursor }) : { items: [] };
    const names = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(names).size).toBe(names.length);
    const agents = await listIdentities(prisma, { kind: "agent" });
    expect(agents.items.every((i) => i.kind === "agent")).toBe(true);
    const holder = await prisma.identity.findFirstOrThrow({ where: { credentials: { some: {} } } });
    const detail = (await getIdentityDetail(prisma, holder.id, { role: "owner" }))!;
    expect(JSON.stringify(detail.identity.owner ?? {})).not.toMatch(/@/);
    expect(detail.holds.items.length).toBeGreaterThan(0);
  });

  it("shows an MCP server with what is presented to it and what it holds", async () => {
    const { items } = await listMcpServers(prisma);
    const busy = [...items].sort((a, b) => b.presented - a.presented)[0]!;
    expect(busy.presented).toBeGreaterThan(0);
    const detail = (await getMcpServerDetail(prisma, busy.id, { role: "owner" }))!;
    expect(JSON.stringify(detail.server.owner ?? {})).not.toMatch(/@/);
    expect(detail.presentedTotal).toBeGreaterThan(0);
    expect(detail.presented.length).toBeGreaterThan(0);
    expect(detail.topology.nodes.find((n) => n.focus)?.id).toBe(`server:${busy.id}`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assignEntityOwnershipOperation } from "@/lib/ownership/operations";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { seedDatabase } from "@/lib/seed";
import { executeOperation } from "@/lib/server/execute";
import { seededActors, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** Owner and team of identities and MCP servers (ownership.assign_entity), through the real pipeline. */

const NOW = new Date(Date.UTC(2026, 10, 20, 12));

let database: TTestDatabase;
let prisma: PrismaClient;
const actors = {} as Record<TRole, TActor>;


const run = (input: unknown, actor: TActor) => executeOperation(prisma, assignEntityOwnershipOperation, actor, input);
const factorIds = async (id: string) => (await prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: id } })).factorIds;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: 200, seed: 11, now: NOW, demoPassword: "entity-ownership-test-password" });
  Object.assign(actors, await seededActors(prisma));
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("ownership.assign_entity", () => {
  it("gives an identity an owner and a team, rescores its unowned credentials and audits before/after", async () => {
    // An identity whose credentials have no owner of their own: its owner decides whether they are orphaned.
    const identity = await prisma.identity.create({ data: { kind: "service_account", name: "ci-deployer", environment: "prod" } });
    // Made scored (active, no expiry) and without an owner or team of its own.
    const { id } = await prisma.credential.findFirstOrThrow({ where: { status: "active" } });
    const credential = await prisma.credential.update({ where: { id }, data: { ownerId: null, teamId: null, expiresAt: null, identityId: identity.id } });
    await prisma.$transaction((tx) => recomputeCredentials(tx, [credential.id]));
    expect(await factorIds(credential.id)).toContain("orphaned");
    const team = await prisma.team.findFirstOrThrow();

    const before = await snapshotCounts(prisma);
    const result = await run({ entityType: "identity", entityId: identity.id, ownerId: actors.owner.id, teamId: team.id }, actors.security);
    expect(result).toEqual({ ok: true, data: { entityType: "identity", entityId: identity.id, rescored: 1 } });
    expect(await prisma.identity.findUniqueOrThrow({ where: { id: identity.id } })).toMatchObject({ ownerId: actors.owner.id, teamId: team.id });
    expect(await factorIds(credential.id)).not.toContain("orphaned");

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { targetType: "identity", targetId: identity.id }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ action: "ownership.assign", actorId: actors.security.id });
    expect(event.summary).toMatchObject({ identity: "ci-deployer", before: { owner: null, team: null }, after: { owner: actors.owner.email, team: team.name }, rescoredCredentials: 1 });
    expect(await snapshotCounts(prisma)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });

    // Clearing the owner alone keeps the team answerable; clearing both orphans the credential again.
    expect((await run({ entityType: "identity", entityId: identity.id, ownerId: null }, actors.admin)).ok).toBe(true);
    expect(await prisma.identity.findUniqueOrThrow({ where: { id: identity.id } })).toMatchObject({ ownerId: null, teamId: team.id });
    expect(await factorIds(credential.id)).not.toContain("orphaned");
    expect((await run({ entityType: "identity", entityId: identity.id, teamId: null }, actors.admin)).ok).toBe(true);
    expect(await factorIds(credential.id)).toContain("orphaned");
  });

  it("changes an MCP server's team only, keeping its owner", async () => {
    const server = await prisma.mcpServer.findFirstOrThrow({ where: { ownerId: { not: null } } });
    const team = await prisma.team.findFirstOrThrow({ where: { id: { not: server.teamId ?? undefined } } });
    const result = await run({ entityType: "mcp_server", entityId: server.id, teamId: team.id }, actors.security);
    expect(result).toEqual({ ok: true, data: { entityType: "mcp_server", entityId: server.id, rescored: 0 } });
    expect(await prisma.mcpServer.findUniqueOrThrow({ where: { id: server.id } })).toMatchObject({ ownerId: server.ownerId, teamId: team.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { targetType: "mcp_server", targetId: server.id }, orderBy: { seq: "desc" } });
    expect(event.summary).toMatchObject({ mcpServer: server.name, after: { team: team.name } });
  });

  const unknownId = "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  const bad: [string, () => Promise<unknown>, string, RegExp][] = [
    ["an unknown identity", async () => ({ entityType: "identity", entityId: unknownId, ownerId: actors.owner.id }), "NOT_FOUND", /No such identity/],
    ["an unknown MCP server", async () => ({ entityType: "mcp_server", entityId: unknownId, teamId: null }), "NOT_FOUND", /No such MCP server/],
    ["an unknown entity type", async () => ({ entityType: "credential", entityId: unknownId, ownerId: null }), "VALIDATION", /entityType must be identity or mcp_server/],
    ["a malformed id", async () => ({ entityType: "identity", entityId: "1; DROP TABLE identities", ownerId: null }), "VALIDATION", /entityId must be/],
    ["neither owner nor team", async () => ({ entityType: "identity", entityId: (await prisma.identity.findFirstOrThrow()).id }), "VALIDATION", /choose an owner, a team, or both/],
    ["a deactivated owner", async () => ({ entityType: "identity", entityId: (await prisma.identity.findFirstOrThrow()).id, ownerId: (await prisma.user.upsert({ where: { email: "left@test.local" }, update: {}, create: { email: "left@test.local", name: "Left", role: "owner", active: false } })).id }), "VALIDATION", /not an active user/],
    ["an unknown team", async () => ({ entityType: "mcp_server", entityId: (await prisma.mcpServer.findFirstOrThrow()).id, teamId: unknownId }), "VALIDATION", /team does not exist/],
    ["no change", async () => {
      const s = await prisma.mcpServer.findFirstOrThrow();
      return { entityType: "mcp_server", entityId: s.id, ownerId: s.ownerId, teamId: s.teamId };
    }, "CONFLICT", /Nothing to change/],
    ["an unknown field", async () => ({ entityType: "identity", entityId: unknownId, ownerId: null, credentialIds: [] }), "VALIDATION", /credentialIds/],
  ];
  for (const [label, input, code, message] of bad) {
    it(`refuses ${label} with a clear message, writing nothing`, async () => {
      const value = await input();
      const before = await snapshotCounts(prisma);
      const owners = await prisma.$queryRawUnsafe(
        "SELECT (SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) FROM identities) AS i, (SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) FROM mcp_servers) AS m",
      );
      const result = await run(value, actors.security);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
      expect(await snapshotCounts(prisma)).toEqual(before);
      expect(await prisma.$queryRawUnsafe(
        "SELECT (SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) FROM identities) AS i, (SELECT md5(string_agg(id::text || coalesce(owner_id::text, '') || coalesce(team_id::text, ''), ',' ORDER BY id)) FROM mcp_servers) AS m",
      )).toEqual(owners);
    });
  }

  it("is refused to auditors, and to owners for what neither they nor their team own; the refusal is recorded", async () => {
    const identity = await prisma.identity.findFirstOrThrow({
      where: { NOT: { ownerId: actors.owner.id }, OR: [{ teamId: null }, { teamId: { notIn: actors.owner.teamIds } }] },
    });
    for (const [role, targetId] of [["owner", identity.id], ["auditor", "ownership.assign_entity"]] as const) {
      const result = await run({ entityType: "identity", entityId: identity.id, ownerId: actors[role].id }, actors[role]);
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await prisma.auditEvent.findFirst({ where: { action: "access.denied", actorId: actors[role].id, targetId } })).not.toBeNull();
    }
    expect(await prisma.identity.findUniqueOrThrow({ where: { id: identity.id } })).toMatchObject({ ownerId: identity.ownerId });
  });
});

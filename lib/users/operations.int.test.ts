import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import { findActiveActor } from "@/lib/auth/queries";
import { executeOperation, type TAnyOperation } from "@/lib/server/execute";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { setUserActiveOperation, updateUserRoleOperation } from "@/lib/users/operations";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
});
afterAll(async () => {
  await database?.dispose();
});

const run = <T extends TAnyOperation>(op: T, input: unknown, actor = actors.admin) =>
  executeOperation(database.prisma, op, actor, input);

describe("users.update_role", () => {
  it("changes the role and records before/after in the audit chain", async () => {
    const result = await run(updateUserRoleOperation, { userId: actors.auditor.id, role: "security" });
    expect(result).toEqual({ ok: true, data: { id: actors.auditor.id, role: "security" } });
    const event = await database.prisma.auditEvent.findFirst({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ action: "users.update_role", targetId: actors.auditor.id, actorId: actors.admin.id });
    expect(event?.summary).toMatchObject({ before: { role: "auditor" }, after: { role: "security" } });
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
    await run(updateUserRoleOperation, { userId: actors.auditor.id, role: "auditor" });
  });

  const bad: [string, unknown, RegExp][] = [
    ["an unknown role", { userId: "00000000-0000-7000-8000-000000000000", role: "root" }, /^Role must be one of: /],
    ["a malformed user id", { userId: "1; drop table users", role: "owner" }, /userId/],
    ["a missing field", { userId: "00000000-0000-7000-8000-000000000000" }, /^Role is required$/],
    ["an extra field", { userId: "00000000-0000-7000-8000-000000000000", role: "owner", active: false }, /"active" is not a field/],
    ["not an object", "owner", /^This value must be a set of fields$/],
  ];
  for (const [label, input, message] of bad) {
    it(`rejects ${label} with a clear message and writes nothing`, async () => {
      const before = await snapshotCounts(database.prisma);
      const result = await run(updateUserRoleOperation, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("VALIDATION");
        expect(result.error.message).toMatch(message);
      }
      expect(await snapshotCounts(database.prisma)).toEqual(before);
    });
  }

  it("refuses an unknown user, one's own role, and a no-op, writing nothing", async () => {
    const before = await snapshotCounts(database.prisma);
    const cases = [
      [{ userId: "00000000-0000-7000-8000-000000000000", role: "owner" }, "NOT_FOUND"],
      [{ userId: actors.admin.id, role: "owner" }, "CONFLICT"],
      [{ userId: actors.owner.id, role: "owner" }, "CONFLICT"],
    ] as const;
    for (const [input, code] of cases) {
      const result = await run(updateUserRoleOperation, input);
      expect(result.ok ? null : result.error.code).toBe(code);
    }
    expect(await snapshotCounts(database.prisma)).toEqual(before);
  });
});

describe("users.set_active", () => {
  it("deactivates and reactivates a user, each audited", async () => {
    expect(await run(setUserActiveOperation, { userId: actors.owner.id, active: false })).toMatchObject({ ok: true });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: actors.owner.id } });
    expect(user.active).toBe(false);
    expect(user.deactivatedAt).toBeInstanceOf(Date);
    expect(await run(setUserActiveOperation, { userId: actors.owner.id, active: true })).toMatchObject({ ok: true });
    const actions = (await database.prisma.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 2 })).map((e) => e.action);
    expect(actions).toEqual(["users.reactivate", "users.deactivate"]);
  });

  it("rescores the credentials the user answers for, directly and through an identity, in the same transaction", async () => {
    const provider = await database.prisma.provider.create({ data: { name: `p-${crypto.randomUUID()}`, type: "slack" } });
    const identity = await database.prisma.identity.create({ data: { kind: "service_account", name: "rescore sa", ownerId: actors.owner.id } });
    const own = await database.prisma.credential.create({ data: { name: "owner's own", kind: "api_key", providerId: provider.id, ownerId: actors.owner.id } });
    const held = await database.prisma.credential.create({ data: { name: "held by owner's identity", kind: "api_key", providerId: provider.id, identityId: identity.id } });
    const factors = async () =>
      new Map(
        (await database.read<{ id: string; f: string[] }>("SELECT credential_id::text AS id, factor_ids AS f FROM credential_risks WHERE credential_id = ANY($1::uuid[])", [[own.id, held.id]]))
          .map((r) => [r.id, r.f.includes("orphaned")]),
      );

    expect(await run(setUserActiveOperation, { userId: actors.owner.id, active: false })).toMatchObject({ ok: true });
    expect(await factors()).toEqual(new Map([[own.id, true], [held.id, true]]));
    const event = await database.prisma.auditEvent.findFirst({ orderBy: { seq: "desc" } });
    expect(event?.summary).toMatchObject({ rescoredCredentials: 2 });

    expect(await run(setUserActiveOperation, { userId: actors.owner.id, active: true })).toMatchObject({ ok: true });
    expect(await factors()).toEqual(new Map([[own.id, false], [held.id, false]]));
    await database.prisma.credential.deleteMany({ where: { id: { in: [own.id, held.id] } } });
    await database.prisma.identity.delete({ where: { id: identity.id } });
  });

  it("never leaves the system without an active admin", async () => {
    expect(await run(setUserActiveOperation, { userId: actors.spareAdmin.id, active: false })).toMatchObject({ ok: true });
    // actors.admin is now the last admin; a second admin (spare, deactivated) cannot demote them, and they cannot demote themself.
    const self = await run(setUserActiveOperation, { userId: actors.admin.id, active: false });
    expect(self.ok ? null : self.error.message).toMatch(/yourself/);
    await database.prisma.user.update({ where: { id: actors.security.id }, data: { role: "admin" } });
    const last = await run(updateUserRoleOperation, { userId: actors.admin.id, role: "owner" }, { ...actors.security, role: "admin" });
    expect(last).toMatchObject({ ok: true });
    const lastAdmin = await run(setUserActiveOperation, { userId: actors.security.id, active: false }, { ...actors.admin, role: "admin" });
    expect(lastAdmin.ok ? null : lastAdmin.error.message).toMatch(/last active admin/);
  });
});

describe("last active admin under concurrency", () => {
  it("two admins demoting or deactivating each other at once leave one admin, never none", async () => {
    const prisma = database.prisma;
    for (let round = 0; round < 8; round++) {
      // Exactly two active admins, A and B.
      await prisma.user.updateMany({ where: { role: "admin" }, data: { role: "owner" } });
      const [a, b] = await Promise.all(
        ["a", "b"].map((x) => prisma.user.create({ data: { email: `race-${round}-${x}@test.local`, name: `Race ${x}`, role: "admin" } })),
      );
      const actorA = { id: a!.id, email: a!.email, name: a!.name, role: "admin" as const, teamIds: [] };
      const actorB = { id: b!.id, email: b!.email, name: b!.name, role: "admin" as const, teamIds: [] };
      const demote = round % 2 === 0;
      const results = await Promise.all([
        demote
          ? run(updateUserRoleOperation, { userId: b!.id, role: "owner" }, actorA)
          : run(setUserActiveOperation, { userId: b!.id, active: false }, actorA),
        demote
          ? run(updateUserRoleOperation, { userId: a!.id, role: "owner" }, actorB)
          : run(setUserActiveOperation, { userId: a!.id, active: false }, actorB),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      expect(await prisma.user.count({ where: { role: "admin", active: true } })).toBe(1);
    }
  });
});

describe("access.denied flood", () => {
  it("many forbidden calls from one account write a bounded number of audit events, each still refused", async () => {
    const flooder = await database.prisma.user.create({ data: { email: "flood@test.local", name: "Flood", role: "auditor" } });
    const actor = { id: flooder.id, email: flooder.email, name: flooder.name, role: "auditor" as const, teamIds: [] };
    const results = await Promise.all(Array.from({ length: 40 }, () => run(updateUserRoleOperation, { userId: actors.owner.id, role: "admin" }, actor)));
    expect(results.every((r) => !r.ok && r.error.code === "FORBIDDEN")).toBe(true);
    const events = await database.prisma.auditEvent.count({ where: { action: "access.denied", actorId: flooder.id } });
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThanOrEqual(5);
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
  });
});

describe("session revocation", () => {
  it("a role change, a deactivation and a reactivation each end the sessions opened before", async () => {
    const prisma = database.prisma;
    const u = await prisma.user.create({ data: { email: "sessions@test.local", name: "Sessions", role: "owner" } });
    const version = async () => (await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
    const v0 = await version();
    expect(await findActiveActor(database.read, u.id, v0)).toMatchObject({ id: u.id, role: "owner" });

    expect(await run(updateUserRoleOperation, { userId: u.id, role: "auditor" })).toMatchObject({ ok: true });
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    expect(await findActiveActor(database.read, u.id, v0)).toBeNull(); // the session from before the change
    expect(await findActiveActor(database.read, u.id, v1)).toMatchObject({ role: "auditor" });

    expect(await run(setUserActiveOperation, { userId: u.id, active: false })).toMatchObject({ ok: true });
    const v2 = await version();
    expect(await findActiveActor(database.read, u.id, v1)).toBeNull();
    expect(await run(setUserActiveOperation, { userId: u.id, active: true })).toMatchObject({ ok: true });
    // Reactivated: a cookie from before the deactivation still does not work.
    expect(await findActiveActor(database.read, u.id, v1)).toBeNull();
    expect(await findActiveActor(database.read, u.id, v2)).toBeNull();
    expect(await findActiveActor(database.read, u.id, await version())).toMatchObject({ id: u.id });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { markNotificationsReadOperation } from "@/lib/notifications/operations";
import { listNotificationsRoute } from "@/lib/notifications/routes";
import type { TNotificationList } from "@/lib/notifications/schemas";
import { assignEntityOwnershipOperation, assignOwnershipOperation, claimOwnershipOperation } from "@/lib/ownership/operations";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * In-app notifications: written in the assignment's transaction (owner and team members told, the
 * actor not), listed and marked only by their recipient. On PGlite and PostgreSQL.
 */

let database: TTestDatabase;
let prisma: PrismaClient;
let actors: Record<TRole, TActor>;
let providerId: string;
let teamId: string;
let teammate: TActor;

async function list(actor: TActor | null): Promise<{ status: number; body: TNotificationList }> {
  const response = await executeRoute(prisma, routeDefinitionOf(listNotificationsRoute)!, actor, new Request("http://localhost/api/v1/notifications"));
  return { status: response.status, body: (await response.json()) as TNotificationList };
}

const credential = async (name: string, data: { ownerId?: string; teamId?: string } = {}) => (await prisma.credential.create({ data: { name, kind: "pat", providerId, ...data } })).id;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  actors = await createRoleUsers(prisma);
  providerId = (await prisma.provider.create({ data: { name: "GitHub", type: "github" } })).id;
  teamId = (await prisma.team.create({ data: { name: "Platform", slug: "platform" } })).id;
  const mate = await prisma.user.create({ data: { email: "mate@test.local", name: "Team Mate", role: "owner" } });
  const gone = await prisma.user.create({ data: { email: "gone@test.local", name: "Gone", role: "owner", active: false } });
  teammate = { id: mate.id, email: mate.email, name: mate.name, role: "owner", teamIds: [teamId] };
  await prisma.teamMembership.createMany({ data: [mate.id, gone.id, actors.security.id].map((userId) => ({ userId, teamId })) });
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

describe("notifications of an assignment", () => {
  it("tells the new owner, in the assignment's transaction, with a link to the credential", async () => {
    const id = await credential("deploy key");
    expect((await executeOperation(prisma, assignOwnershipOperation, actors.security, { credentialIds: [id], ownerId: actors.owner.id })).ok).toBe(true);
    const { status, body } = await list(actors.owner);
    expect(status).toBe(200);
    expect(body.unread).toBe(1);
    expect(body.items[0]).toMatchObject({ title: "The credential “deploy key” was assigned to you", detail: `by ${actors.security.name}`, href: `/inventory/${id}`, read: false });
    // The actor is not told about their own change.
    expect((await list(actors.security)).body.items).toEqual([]);
  });

  it("tells active team members (not the actor, not a deactivated member) when a team is given", async () => {
    const id = await credential("ci token");
    expect((await executeOperation(prisma, assignOwnershipOperation, actors.admin, { credentialIds: [id], teamId })).ok).toBe(true);
    const recipients = await prisma.notification.findMany({ where: { href: `/inventory/${id}` }, select: { recipientId: true, title: true } });
    expect(recipients.map((r) => r.recipientId).sort()).toEqual([teammate.id, actors.security.id].sort());
    expect(recipients[0]!.title).toBe("The credential “ci token” was assigned to your team Platform");
  });

  it("tells the owner of an identity, linking to the identity", async () => {
    const identity = await prisma.identity.create({ data: { kind: "agent", name: "triage-agent" } });
    expect((await executeOperation(prisma, assignEntityOwnershipOperation, actors.security, { entityType: "identity", entityId: identity.id, ownerId: teammate.id })).ok).toBe(true);
    expect((await list(teammate)).body.items[0]).toMatchObject({ title: "The identity “triage-agent” was assigned to you", href: `/identities/${identity.id}` });
  });

  it("writes nothing when the assignment is refused, and nothing for a claim (the claimer is the owner)", async () => {
    const before = await prisma.notification.count();
    const foreign = await credential("foreign", { teamId: (await prisma.team.create({ data: { name: "Payments", slug: "payments" } })).id });
    expect((await executeOperation(prisma, assignOwnershipOperation, actors.owner, { credentialIds: [foreign], ownerId: teammate.id })).ok).toBe(false);
    const orphan = await credential("orphan");
    expect((await executeOperation(prisma, claimOwnershipOperation, actors.owner, { credentialIds: [orphan] })).ok).toBe(true);
    expect(await prisma.notification.count()).toBe(before);
  });
});

describe("only the recipient reads and marks", () => {
  it("lists only the caller's own notifications; anonymous callers get 401", async () => {
    const owners = (await list(actors.owner)).body.items;
    const mates = (await list(teammate)).body.items;
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.some((n) => mates.some((m) => m.id === n.id))).toBe(false);
    const rows = await prisma.notification.findMany({ where: { id: { in: owners.map((n) => n.id) } } });
    expect(rows.every((r) => r.recipientId === actors.owner.id)).toBe(true);
    expect((await list(null)).status).toBe(401);
  });

  it("refuses to mark someone else's notification (as if it did not exist), changing nothing", async () => {
    const [theirs] = (await list(actors.owner)).body.items;
    const result = await executeOperation(prisma, markNotificationsReadOperation, teammate, { ids: [theirs!.id] });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "No such notification." } });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs!.id } })).readAt).toBeNull();
    // Mixed with one of their own: all or nothing.
    const [own] = (await list(teammate)).body.items;
    expect(await executeOperation(prisma, markNotificationsReadOperation, teammate, { ids: [own!.id, theirs!.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: own!.id } })).readAt).toBeNull();
  });

  it("marks one read, then all read — the recipient's only", async () => {
    const [first] = (await list(teammate)).body.items;
    expect(await executeOperation(prisma, markNotificationsReadOperation, teammate, { ids: [first!.id] })).toEqual({ ok: true, data: { marked: 1 } });
    expect((await list(teammate)).body.items.find((n) => n.id === first!.id)?.read).toBe(true);
    const ownerUnread = (await list(actors.owner)).body.unread;
    const mateUnread = (await list(teammate)).body.unread;
    expect(await executeOperation(prisma, markNotificationsReadOperation, teammate, { all: true })).toEqual({ ok: true, data: { marked: mateUnread } });
    expect((await list(teammate)).body.unread).toBe(0);
    expect((await list(actors.owner)).body.unread).toBe(ownerUnread);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notifications.mark_read" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorId: teammate.id, targetType: "notification" });
  });

  const bad: [string, unknown, RegExp][] = [
    ["an empty list", { ids: [] }, /at least one notification/],
    ["a malformed id", { ids: ["1; DELETE FROM notifications"] }, /notification ids/],
    ["all: false", { all: false }, /ids|all/],
    ["both forms", { ids: ["0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"], all: true }, /ids|all/],
    ["nothing", {}, /ids|all/],
  ];
  for (const [label, input, message] of bad) {
    it(`refuses ${label} with a clear message`, async () => {
      const before = await prisma.notification.count({ where: { readAt: null } });
      const result = await executeOperation(prisma, markNotificationsReadOperation, actors.owner, input);
      expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(message) } });
      expect(await prisma.notification.count({ where: { readAt: null } })).toBe(before);
    });
  }
});

import type { TActor } from "@/lib/auth/actor";
import { ROLES, type TRole } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One active user per role (plus a spare admin so "last admin" rules do not get in the way). */
export async function createRoleUsers(prisma: PrismaClient): Promise<Record<TRole, TActor> & { spareAdmin: TActor }> {
  const out = {} as Record<TRole, TActor> & { spareAdmin: TActor };
  for (const role of ROLES) {
    const u = await prisma.user.create({ data: { email: `${role}@test.local`, name: `Test ${role}`, role } });
    out[role] = { id: u.id, email: u.email, name: u.name, role, teamIds: [] };
  }
  const spare = await prisma.user.create({ data: { email: "spare-admin@test.local", name: "Spare admin", role: "admin" } });
  out.spareAdmin = { id: spare.id, email: spare.email, name: spare.name, role: "admin", teamIds: [] };
  return out;
}

/** The demo users of a seeded database, as actors, one per role. */
export async function seededActors(prisma: PrismaClient): Promise<Record<TRole, TActor>> {
  const out = {} as Record<TRole, TActor>;
  for (const role of ROLES) {
    const u = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@tokenward.local` }, include: { memberships: true } });
    out[role] = { id: u.id, email: u.email, name: u.name, role: u.role, teamIds: u.memberships.map((m) => m.teamId) };
  }
  return out;
}

/** Row counts of every table an operation could write, to prove "nothing written". */
export async function snapshotCounts(prisma: PrismaClient) {
  const [users, teams, memberships, credentials, auditEvents] = await Promise.all([
    prisma.user.count(), prisma.team.count(), prisma.teamMembership.count(), prisma.credential.count(), prisma.auditEvent.count(),
  ]);
  return { users, teams, memberships, credentials, auditEvents };
}

import "server-only";
import type { TRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  active: boolean;
  lastSignInAt: string | null;
  teams: { id: string; name: string }[];
};

export async function listUsers(): Promise<TUserRow[]> {
  const users = await (await db()).user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, active: true, lastSignInAt: true,
      memberships: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id, email: u.email, name: u.name, role: u.role, active: u.active,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    teams: u.memberships.map((m) => m.team),
  }));
}

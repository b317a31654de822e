import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { personFor } from "@/lib/users/visibility";

export type TTeamRow = { id: string; slug: string; name: string; members: { id: string; name: string; email?: string }[] };

/** Teams and members; members' e-mail only for roles that may read the user directory. */
export async function listTeams(viewer: Pick<TActor, "role">): Promise<TTeamRow[]> {
  const teams = await (await db()).team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, members: { select: { user: { select: { id: true, name: true, email: true } } } } },
  });
  return teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, members: t.members.map((m) => personFor(viewer, m.user)) }));
}

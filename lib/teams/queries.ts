import "server-only";
import { db } from "@/lib/db/client";

export type TTeamRow = { id: string; slug: string; name: string; members: { id: string; name: string; email: string }[] };

export async function listTeams(): Promise<TTeamRow[]> {
  const teams = await (await db()).team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, members: { select: { user: { select: { id: true, name: true, email: true } } } } },
  });
  return teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, members: t.members.map((m) => m.user) }));
}

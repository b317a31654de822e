import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db/client";

/**
 * The current actor, re-read from the database once per request: the session cookie only says who
 * signed in; the role and active flag are the database's current truth.
 */
export const getCurrentActor = cache(async (): Promise<TActor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await (await db()).user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, memberships: { select: { teamId: true } } },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: user.memberships.map((m) => m.teamId) };
});

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<TActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { findActiveActor } from "@/lib/auth/queries";
import { readSession, sessionTooOld } from "@/lib/auth/session-token";
import { sqlReader } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The current actor, re-read from the database once per request: the session cookie only says who
 * signed in; the role and active flag are the database's current truth.
 */
export const getCurrentActor = cache(async (): Promise<TActor | null> => {
  const e = env();
  const session = await readSession(await headers(), { secret: e.AUTH_SECRET, authUrl: e.AUTH_URL });
  if (!session || sessionTooOld(session.signedInAt, e.TOKENWARD_SESSION_MAX_HOURS)) return null;
  return findActiveActor(await sqlReader(), session.userId, session.sessionVersion);
});

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<TActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

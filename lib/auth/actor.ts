import type { TRole } from "@/lib/auth/permissions";

/** Who is acting: a signed-in user, or the system itself (jobs, seed, migrations). */
export type TActor = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  teamIds: string[];
};

export const SYSTEM_ACTOR_LABEL = "system";

export function actorLabel(actor: Pick<TActor, "email" | "role"> | null): string {
  return actor ? `${actor.email} (${actor.role})` : SYSTEM_ACTOR_LABEL;
}

import type { TPermission, TRole } from "@/lib/auth/permissions";

/**
 * Who is acting: a signed-in user, or a machine through one of Tokenward's API keys. A key acts for
 * the user who created it, with that user's current role and teams, narrowed to the key's scopes:
 * a key never reaches further than its creator does today (lib/api-keys/scopes.ts).
 */
export type TActor = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  teamIds: string[];
  /** Set when the caller is an API key: which key, and the permissions its scopes grant. */
  apiKey?: { id: string; name: string; prefix: string; permissions: readonly TPermission[] };
};

export const SYSTEM_ACTOR_LABEL = "system";

export function actorLabel(actor: Pick<TActor, "email" | "role" | "apiKey"> | null): string {
  if (!actor) return SYSTEM_ACTOR_LABEL;
  const person = `${actor.email} (${actor.role})`;
  return actor.apiKey ? `API key ${actor.apiKey.prefix} “${actor.apiKey.name}” of ${person}` : person;
}

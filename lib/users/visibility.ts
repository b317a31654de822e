import type { TActor } from "@/lib/auth/actor";
import { actorReach } from "@/lib/auth/access";

/**
 * Who may see the user directory: e-mail addresses and who is deactivated. Everyone reads the
 * inventory, so everyone sees owners' names; a role without users.read (owner) gets names only,
 * and user pickers list active users only. Whether a credential's own owner is deactivated stays
 * visible to all: it is the credential's orphan status and risk evidence, not directory data.
 */
export function mayReadPeople(actor: Pick<TActor, "role">): boolean {
  return actorReach(actor, "users.read") !== null;
}

/** A user reference as this actor may see it: without the e-mail unless they may read people. */
export function personFor<T extends { email?: string | null }>(actor: Pick<TActor, "role">, person: T): Omit<T, "email"> & { email?: string } {
  if (mayReadPeople(actor)) return person as Omit<T, "email"> & { email?: string };
  const { email: _hidden, ...rest } = person;
  return rest;
}

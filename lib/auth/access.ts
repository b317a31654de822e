import type { TActor } from "@/lib/auth/actor";
import { reachOf, type TPermission, type TReach } from "@/lib/auth/permissions";

/**
 * Who may act on what, without a database: the pure half of the authorization seam, safe for pages
 * and client components (to hide a control) and used by lib/auth/authorize.ts (to enforce it).
 */

/** What a resource must say about itself for a reach check: who owns it. */
export type TOwnedResource = { ownerId: string | null; teamId: string | null };

/** How far the actor may act with `permission`: the role's reach, cut to the API key's scopes. */
export function actorReach(actor: Pick<TActor, "role" | "apiKey"> | null, permission: TPermission): TReach | null {
  if (!actor) return null;
  if (actor.apiKey && !actor.apiKey.permissions.includes(permission)) return null;
  return reachOf(actor.role, permission);
}

export function isOwnedBy(resource: TOwnedResource, actor: Pick<TActor, "id" | "teamIds">): boolean {
  return resource.ownerId === actor.id || (resource.teamId !== null && actor.teamIds.includes(resource.teamId));
}

/** Whether the actor may act with `permission` at all, or on this one resource. */
export function allows(actor: Pick<TActor, "id" | "role" | "teamIds" | "apiKey"> | null, permission: TPermission, resource?: TOwnedResource): boolean {
  const reach = actorReach(actor, permission);
  if (!reach || !actor) return false;
  if (reach === "any" || !resource) return true;
  return isOwnedBy(resource, actor);
}

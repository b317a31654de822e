import { actorReach, isOwnedBy, type TOwnedResource } from "@/lib/auth/access";
import type { TActor } from "@/lib/auth/actor";
import type { TReach } from "@/lib/auth/permissions";

/**
 * What a page tells its client components about ownership controls: the reach of "assign" and who
 * is looking, so a control shows only where the server would allow it (the server still decides:
 * lib/auth/authorize.ts).
 */
export type TOwnershipPermissions = { assign: TReach | null; claim: boolean; viewer: { id: string; teamIds: string[] } };

export function ownershipPermissions(actor: TActor): TOwnershipPermissions {
  return { assign: actorReach(actor, "ownership.assign"), claim: actorReach(actor, "ownership.claim") !== null, viewer: { id: actor.id, teamIds: actor.teamIds } };
}

/** Whether "assign" reaches every one of these resources. */
export function mayAssign(permissions: TOwnershipPermissions, resources: readonly TOwnedResource[]): boolean {
  if (permissions.assign === "any") return true;
  if (permissions.assign !== "owned" || resources.length === 0) return false;
  return resources.every((r) => isOwnedBy(r, permissions.viewer));
}

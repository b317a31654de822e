import { ZAssignEntityOwnership, ZAssignOwnership, ZClaimOwnership } from "@/lib/ownership/schemas";
import { changeEntityOwnership, type TEntityOwnershipResult } from "@/lib/ownership/services/change-entity-ownership";
import { changeCredentialOwnership, type TOwnershipResult } from "@/lib/ownership/services/change-credential-ownership";
import type { TOperation } from "@/lib/server/execute";

/** Security and admins assign an owner and/or a team to one credential or a selection. */
export const assignOwnershipOperation: TOperation<typeof ZAssignOwnership, TOwnershipResult> = {
  name: "ownership.assign",
  permission: "ownership.assign",
  input: ZAssignOwnership,
  run: ({ tx, input }) =>
    changeCredentialOwnership(tx, {
      credentialIds: input.credentialIds,
      change: { ownerId: input.ownerId, teamId: input.teamId },
      action: "ownership.assign",
      onlyOrphans: false,
    }),
};

/**
 * Whoever may claim takes ownership of orphaned credentials (no owner, or a deactivated one). The
 * team is left as it is: a claim makes a person accountable, it does not move the credential.
 */
export const claimOwnershipOperation: TOperation<typeof ZClaimOwnership, TOwnershipResult> = {
  name: "ownership.claim",
  permission: "ownership.claim",
  input: ZClaimOwnership,
  run: ({ tx, actor, input }) =>
    changeCredentialOwnership(tx, {
      credentialIds: input.credentialIds,
      change: { ownerId: actor.id },
      action: "ownership.claim",
      onlyOrphans: true,
    }),
};

/** Security and admins set the owner and/or team of an identity or an MCP server. */
export const assignEntityOwnershipOperation: TOperation<typeof ZAssignEntityOwnership, TEntityOwnershipResult> = {
  name: "ownership.assign_entity",
  permission: "ownership.assign",
  input: ZAssignEntityOwnership,
  run: ({ tx, input }) =>
    changeEntityOwnership(tx, { entityType: input.entityType, entityId: input.entityId, change: { ownerId: input.ownerId, teamId: input.teamId } }),
};

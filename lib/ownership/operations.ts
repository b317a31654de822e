import { ZAssignEntityOwnership, ZAssignOwnership, ZClaimOwnership } from "@/lib/ownership/schemas";
import { changeEntityOwnership, type TEntityOwnershipResult } from "@/lib/ownership/services/change-entity-ownership";
import { changeCredentialOwnership, type TOwnershipResult } from "@/lib/ownership/services/change-credential-ownership";
import type { TOperation } from "@/lib/server/execute";

/**
 * Assign an owner and/or a team to one credential or a selection: security and admins anywhere,
 * owners only for credentials they or their team own (checked on the locked rows).
 */
export const assignOwnershipOperation: TOperation<typeof ZAssignOwnership, TOwnershipResult> = {
  name: "ownership.assign",
  permission: "ownership.assign",
  input: ZAssignOwnership,
  resource: (input) => ({ type: "credential", ids: input.credentialIds }),
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

/** Set the owner and/or team of an identity or an MCP server (same reach as for credentials). */
export const assignEntityOwnershipOperation: TOperation<typeof ZAssignEntityOwnership, TEntityOwnershipResult> = {
  name: "ownership.assign_entity",
  permission: "ownership.assign",
  input: ZAssignEntityOwnership,
  resource: (input) => ({ type: input.entityType, ids: [input.entityId] }),
  run: ({ tx, input }) =>
    changeEntityOwnership(tx, { entityType: input.entityType, entityId: input.entityId, change: { ownerId: input.ownerId, teamId: input.teamId } }),
};

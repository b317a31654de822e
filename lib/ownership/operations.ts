import { actorReach } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { filterToSearchParams } from "@/lib/inventory/query-params";
import { ZAssignEntityOwnership, ZAssignMatching, ZAssignOwnership, ZClaimOwnership } from "@/lib/ownership/schemas";
import { matchingInReach, outsideReach, parseFilterString } from "@/lib/ownership/services/resolve-matching-credentials";
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
  run: ({ tx, actor, input }) =>
    changeCredentialOwnership(tx, {
      credentialIds: input.credentialIds,
      change: { ownerId: input.ownerId, teamId: input.teamId },
      action: "ownership.assign",
      onlyOrphans: false,
      notifyFrom: actor,
    }),
};

/**
 * Whoever may claim takes ownership of credentials without an active owner of their own
 * (isClaimable: a team-held one included, unlike "orphaned", lib/inventory/orphaned.ts). The
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
  run: ({ tx, actor, input }) =>
    changeEntityOwnership(tx, { entityType: input.entityType, entityId: input.entityId, change: { ownerId: input.ownerId, teamId: input.teamId }, notifyFrom: actor }),
};

/**
 * "Select all N matching this filter": assign every credential the inventory filter matches, read
 * on the server from the filter (never a list of ids from the browser), confined to the actor's
 * reach (owners: their own and their team's; the rest are left alone and counted in the audit
 * record), at most MAX_MATCHING_ASSIGN, in one transaction, audited like a bulk assignment.
 */
export const assignMatchingOperation: TOperation<typeof ZAssignMatching, TOwnershipResult & { outsideReach: number }> = {
  name: "ownership.assign_matching",
  permission: "ownership.assign",
  input: ZAssignMatching,
  // The targets are the filter's matches in the actor's reach, read in the transaction; the
  // pipeline then locks and checks them like any other resource.
  resource: async (input, { tx, actor }) => {
    const reach = actorReach(actor, "ownership.assign");
    if (!reach) throw new AppError("FORBIDDEN");
    const ids = await matchingInReach(tx, actor, reach, parseFilterString(input.filter), new Date());
    if (ids.length !== input.expected) {
      throw new AppError(
        "CONFLICT",
        `The filter now matches ${ids.length} credential${ids.length === 1 ? "" : "s"} you may assign, not ${input.expected}. Nothing was changed: look at the list again and retry.`,
      );
    }
    return { type: "credential", ids };
  },
  run: async ({ tx, actor, input, resources = [] }) => {
    const filter = parseFilterString(input.filter);
    const skipped = (await outsideReach(tx, actor, actorReach(actor, "ownership.assign") ?? "owned", filter, new Date())).length;
    const outcome = await changeCredentialOwnership(tx, {
      credentialIds: resources.map((r) => r.id),
      change: { ownerId: input.ownerId, teamId: input.teamId },
      action: "ownership.assign",
      onlyOrphans: false,
      notifyFrom: actor,
    });
    const extra = { filter: filterToSearchParams(filter).toString(), outsideReach: skipped };
    const last = outcome.audit.length - 1;
    const audit = outcome.audit.map((record, i) => (i === last ? { ...record, summary: { ...record.summary, ...extra } } : record)) as typeof outcome.audit;
    return { data: { ...outcome.data, outsideReach: skipped }, audit };
  },
};

import { z } from "zod";

/** Ownership changes: by id list (one credential, or a bulk selection from the inventory). */

export const MAX_OWNERSHIP_BATCH = 500;

const ZCredentialIds = z
  .array(z.uuid("credentialIds must be credential ids"), { error: "credentialIds must be a list of credential ids" })
  .min(1, "select at least one credential")
  .max(MAX_OWNERSHIP_BATCH, `at most ${MAX_OWNERSHIP_BATCH} credentials at once`)
  .refine((ids) => new Set(ids).size === ids.length, "a credential is listed twice");

/** `null` clears the owner / team; leaving a field out keeps it as it is. */
export const ZAssignOwnership = z
  .strictObject({
    credentialIds: ZCredentialIds,
    ownerId: z.uuid("ownerId must be a user id").nullable().optional(),
    teamId: z.uuid("teamId must be a team id").nullable().optional(),
  })
  .refine((v) => v.ownerId !== undefined || v.teamId !== undefined, { message: "choose an owner, a team, or both", path: ["ownerId"] });
export type TAssignOwnership = z.infer<typeof ZAssignOwnership>;

export const ZClaimOwnership = z.strictObject({ credentialIds: ZCredentialIds });
export type TClaimOwnership = z.infer<typeof ZClaimOwnership>;

/** The other owned things: an identity (service account, agent, MCP client) or an MCP server. */
export const OWNED_ENTITY_TYPES = ["identity", "mcp_server"] as const;
export type TOwnedEntityType = (typeof OWNED_ENTITY_TYPES)[number];

export const ZAssignEntityOwnership = z
  .strictObject({
    entityType: z.enum(OWNED_ENTITY_TYPES, { error: "entityType must be identity or mcp_server" }),
    entityId: z.uuid("entityId must be an identity or MCP server id"),
    ownerId: z.uuid("ownerId must be a user id").nullable().optional(),
    teamId: z.uuid("teamId must be a team id").nullable().optional(),
  })
  .refine((v) => v.ownerId !== undefined || v.teamId !== undefined, { message: "choose an owner, a team, or both", path: ["ownerId"] });
export type TAssignEntityOwnership = z.infer<typeof ZAssignEntityOwnership>;

/**
 * "Select all N matching this filter": the filter travels as the inventory's own query string and
 * the server re-reads it (the browser never sends the ids). `expected` is the number the person
 * saw; if the filter now matches a different number of credentials they may assign, nothing is
 * changed and they are asked to look again.
 */
export const MAX_MATCHING_ASSIGN = 1000;
export const ZAssignMatching = z
  .strictObject({
    filter: z.string({ error: "filter must be the inventory's query string" }).max(4000, "filter is too long"),
    expected: z
      .number({ error: "expected must be the number of credentials shown" })
      .int("expected must be a whole number")
      .min(1, "expected must be at least 1")
      .max(MAX_MATCHING_ASSIGN, `at most ${MAX_MATCHING_ASSIGN} credentials at once`),
    ownerId: z.uuid("ownerId must be a user id").nullable().optional(),
    teamId: z.uuid("teamId must be a team id").nullable().optional(),
  })
  .refine((v) => v.ownerId !== undefined || v.teamId !== undefined, { message: "choose an owner, a team, or both", path: ["ownerId"] });
export type TAssignMatching = z.infer<typeof ZAssignMatching>;

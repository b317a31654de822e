import { z } from "zod";

/**
 * The owner picker's API (GET /api/v1/owners): search users or teams by name (and, for roles that
 * may read people, e-mail), plus owners suggested for what is being assigned.
 */

export const OWNER_KINDS = ["user", "team"] as const;
export type TOwnerKind = (typeof OWNER_KINDS)[number];
export const OWNER_SEARCH_MAX_LENGTH = 100;
export const OWNER_SEARCH_MAX_LIMIT = 50;
export const OWNER_SEARCH_DEFAULT_LIMIT = 20;
/** Suggestions are computed for at most this many selected credentials (a page's worth). */
export const SUGGEST_MAX_CREDENTIALS = 200;

const ZUuidList = z
  .string()
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(
    z
      .array(z.uuid("credentialIds must be comma-separated credential ids"))
      .max(SUGGEST_MAX_CREDENTIALS, `suggestions are made for at most ${SUGGEST_MAX_CREDENTIALS} credentials`),
  );

export const ZOwnerSearchQuery = z
  .strictObject({
    kind: z.enum(OWNER_KINDS, { error: "kind must be user or team" }),
    q: z.string().trim().max(OWNER_SEARCH_MAX_LENGTH, `Search text must be at most ${OWNER_SEARCH_MAX_LENGTH} characters`).default(""),
    limit: z.coerce
      .number({ error: `limit must be a number between 1 and ${OWNER_SEARCH_MAX_LIMIT}` })
      .int(`limit must be a whole number between 1 and ${OWNER_SEARCH_MAX_LIMIT}`)
      .min(1, `limit must be between 1 and ${OWNER_SEARCH_MAX_LIMIT}`)
      .max(OWNER_SEARCH_MAX_LIMIT, `limit must be between 1 and ${OWNER_SEARCH_MAX_LIMIT}`)
      .default(OWNER_SEARCH_DEFAULT_LIMIT),
    // What is being assigned, for suggestions (at most one of the three).
    credentialIds: ZUuidList.optional(),
    identityId: z.uuid("identityId must be an identity id").optional(),
    mcpServerId: z.uuid("mcpServerId must be an MCP server id").optional(),
  })
  .refine((v) => [v.credentialIds, v.identityId, v.mcpServerId].filter((x) => x !== undefined).length <= 1, {
    message: "suggest for credentialIds, identityId or mcpServerId, not several",
  });
export type TOwnerSearchQuery = z.infer<typeof ZOwnerSearchQuery>;

/** One choice; `email` only for roles that may read people. */
export type TOwnerOption = { kind: TOwnerKind; id: string; name: string; email?: string };
export type TSuggestedOwner = TOwnerOption & { reason: string };
export type TOwnerSearchResult = { items: TOwnerOption[]; suggestions: TSuggestedOwner[] };

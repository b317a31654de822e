import { z } from "zod";
import { IDENTITY_KINDS, type TIdentityKind } from "@/lib/inventory/vocabulary";

/** The identities list's URL: kind, name search, keyset cursor on (name, id). */

export const IDENTITY_PAGE_SIZE = 50;

/** An empty form field ("All kinds") means "not given". */
const blankAsMissing = (v: unknown) => (v === "" ? undefined : v);

export const ZIdentityListQuery = z.object({
  kind: z.preprocess(blankAsMissing, z.enum(IDENTITY_KINDS, { error: `kind must be one of ${IDENTITY_KINDS.join(", ")}` }).optional()),
  q: z.string().trim().max(100, "search is at most 100 characters").optional().transform((v) => v || undefined),
  after: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, "after is not a page cursor").optional(),
});
export type TIdentityListQuery = { kind?: TIdentityKind; q?: string; after?: string };

import { z } from "zod";

/** An incident's size is the normal case: up to 10,000 credentials in one bulk revocation. */
export const MAX_BULK = 10_000;

const ZFilter = z.string({ error: "filter must be the inventory's query string" }).max(4000, "filter is too long");

/** What a bulk revocation covers: the inventory rows selected, or everything a filter matches (re-read by the server). */
export const ZBulkScope = z.union(
  [
    z.strictObject({ credentialIds: z.array(z.uuid("credentialIds must be credential ids")).min(1, "select at least one credential").max(MAX_BULK, `at most ${MAX_BULK.toLocaleString("en")} credentials at once`) }),
    z.strictObject({ filter: ZFilter }),
  ],
  { error: "give the selected credentialIds or the inventory filter" },
);
export type TBulkScope = z.infer<typeof ZBulkScope>;

export const ZBulkPlan = z.strictObject({ scope: ZBulkScope });

export const ZBulkRevoke = z.strictObject({
  scope: ZBulkScope,
  reason: z.string().trim().min(10, "Say why, in at least 10 characters: bulk revocations are break-glass and flagged in every report").max(1000, "At most 1,000 characters"),
  /** How many the dry run said would be revoked: a different number now is a conflict, not a surprise. */
  eligible: z.number({ error: "eligible must be the dry run's count" }).int().min(1, "nothing to revoke").max(MAX_BULK),
});
export type TBulkRevoke = z.infer<typeof ZBulkRevoke>;

export const ZBatchId = z.strictObject({ batchId: z.uuid({ error: "batchId must be a batch id" }) });

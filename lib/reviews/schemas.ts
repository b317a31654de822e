import { z } from "zod";

/** Access review campaigns: launch, attest (one item or many), remind, close. */

/** Closing creates one workflow request per rotate / revoke decision in one transaction: a bound keeps it short. */
export const MAX_CAMPAIGN_ITEMS = 2000;
export const MAX_ATTEST_BATCH = 500;
export const REVIEW_DECISIONS = ["keep", "rotate", "revoke"] as const;
export type TReviewDecision = (typeof REVIEW_DECISIONS)[number];

const ZCampaignId = z.uuid({ error: "campaignId must be a campaign id" });

export const ZCreateCampaign = z.strictObject({
  name: z.string({ error: "Name is required" }).trim().min(3, "Name must have at least 3 characters").max(120, "Name must have at most 120 characters"),
  description: z.string().trim().max(1000, "Description must have at most 1,000 characters").optional(),
  /** The inventory's own query string (lib/inventory/query-params.ts); the server re-reads it, never ids. */
  filter: z.string({ error: "filter must be the inventory's query string" }).max(4000, "filter is too long"),
  /** The number of credentials the person saw in the preview: a different count now is a CONFLICT. */
  expected: z
    .number({ error: "expected must be the number of credentials shown" })
    .int("expected must be a whole number")
    .min(1, "expected must be at least 1")
    .max(MAX_CAMPAIGN_ITEMS, `A campaign reviews at most ${MAX_CAMPAIGN_ITEMS.toLocaleString("en-US")} credentials`),
  dueAt: z.iso.datetime({ error: "Due date must be a date and time (ISO 8601)", offset: true }),
  orphanReviewerId: z.uuid({ error: "orphanReviewerId must be a user id" }).optional(),
});
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

export const ZAttestItems = z
  .strictObject({
    itemIds: z
      .array(z.uuid({ error: "itemIds must be review item ids" }), { error: "itemIds must be a list of review item ids" })
      .min(1, "Select at least one item")
      .max(MAX_ATTEST_BATCH, `At most ${MAX_ATTEST_BATCH} items at once`)
      .refine((ids) => new Set(ids).size === ids.length, "An item is listed twice"),
    decision: z.enum(REVIEW_DECISIONS, { error: "Decision must be keep, rotate or revoke" }),
    comment: z.string({ error: "Comment is required" }).trim().min(3, "Say why, in at least 3 characters").max(1000, "Comment must have at most 1,000 characters"),
  });
export type TAttestItems = z.infer<typeof ZAttestItems>;

export const ZCampaignRef = z.strictObject({ campaignId: ZCampaignId });
export type TCampaignRef = z.infer<typeof ZCampaignRef>;

/** /reviews/[id]?view=&page= */
export const REVIEW_ITEM_VIEWS = ["all", "mine", "pending", "decided"] as const;
export type TReviewItemView = (typeof REVIEW_ITEM_VIEWS)[number];

import { ZAttestItems, ZCampaignRef, ZCreateCampaign } from "@/lib/reviews/schemas";
import { attestItems, lockAttestTargets, type TAttested } from "@/lib/reviews/services/attest-items";
import { closeCampaign, type TClosed } from "@/lib/reviews/services/close-campaign";
import { createCampaign, type TCreatedCampaign } from "@/lib/reviews/services/create-campaign";
import { remindReviewers, type TReminded } from "@/lib/reviews/services/remind-reviewers";
import type { TOperation } from "@/lib/server/execute";

/** Access review campaigns: security and admins launch, remind and close; reviewers attest their items. */

export const createCampaignOperation: TOperation<typeof ZCreateCampaign, TCreatedCampaign> = {
  name: "reviews.create",
  permission: "reviews.manage",
  input: ZCreateCampaign,
  run: ({ tx, actor, input }) => createCampaign(tx, actor, input),
};

/** Keep / rotate / revoke, one item or many: only items assigned to the actor or their team (the seam). */
export const attestItemsOperation: TOperation<typeof ZAttestItems, TAttested> = {
  name: "reviews.attest",
  permission: "reviews.attest",
  input: ZAttestItems,
  resource: (input, { tx }) => lockAttestTargets(tx, input.itemIds),
  run: ({ tx, actor, input }) => attestItems(tx, actor, input),
};

export const remindReviewersOperation: TOperation<typeof ZCampaignRef, TReminded> = {
  name: "reviews.remind",
  permission: "reviews.manage",
  input: ZCampaignRef,
  run: async ({ tx, actor, input }) => {
    const data = await remindReviewers(tx, input.campaignId, { exclude: actor.id });
    return { data, audit: { targetType: "review_campaign", targetId: input.campaignId, summary: { recipients: data.recipients } } };
  },
};

export const closeCampaignOperation: TOperation<typeof ZCampaignRef, TClosed> = {
  name: "reviews.close",
  permission: "reviews.manage",
  input: ZCampaignRef,
  run: ({ tx, actor, input }) => closeCampaign(tx, actor, input.campaignId),
  // Up to MAX_CAMPAIGN_ITEMS workflow requests, all or nothing.
  transactionTimeoutMs: 180_000,
};

"use server";

import { attestItemsOperation, closeCampaignOperation, createCampaignOperation, remindReviewersOperation } from "@/lib/reviews/operations";
import { defineAction } from "@/lib/server/action";

export const createCampaignAction = defineAction(createCampaignOperation);
export const attestItemsAction = defineAction(attestItemsOperation);
export const remindReviewersAction = defineAction(remindReviewersOperation);
export const closeCampaignAction = defineAction(closeCampaignOperation);

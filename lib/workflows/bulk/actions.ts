"use server";

import { defineAction } from "@/lib/server/action";
import { planBulkOperation, retryBulkOperation, revokeBulkOperation } from "./operations";

export const planBulkAction = defineAction(planBulkOperation);
export const revokeBulkAction = defineAction(revokeBulkOperation);
export const retryBulkAction = defineAction(retryBulkOperation);

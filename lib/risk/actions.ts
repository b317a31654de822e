"use server";

import { importPolicyOperation, restorePolicyOperation, savePolicyOperation, startRecomputeOperation } from "@/lib/risk/operations";
import { defineAction } from "@/lib/server/action";

export const savePolicy = defineAction(savePolicyOperation);
export const importPolicy = defineAction(importPolicyOperation);
export const restorePolicy = defineAction(restorePolicyOperation);
export const startRecompute = defineAction(startRecomputeOperation);

"use server";

import { runRotationPoliciesOperation, saveRotationPolicyOperation } from "@/lib/rotation-policies/operations";
import { defineAction } from "@/lib/server/action";

export const saveRotationPolicyAction = defineAction(saveRotationPolicyOperation);
export const runRotationPoliciesAction = defineAction(runRotationPoliciesOperation);

"use server";

import { assignOwnershipOperation, claimOwnershipOperation } from "@/lib/ownership/operations";
import { defineAction } from "@/lib/server/action";

export const assignOwnership = defineAction(assignOwnershipOperation);
export const claimOwnership = defineAction(claimOwnershipOperation);

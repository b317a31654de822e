"use server";

import { assignEntityOwnershipOperation, assignMatchingOperation, assignOwnershipOperation, claimOwnershipOperation } from "@/lib/ownership/operations";
import { defineAction } from "@/lib/server/action";

export const assignOwnership = defineAction(assignOwnershipOperation);
export const claimOwnership = defineAction(claimOwnershipOperation);
export const assignEntityOwnership = defineAction(assignEntityOwnershipOperation);
export const assignMatching = defineAction(assignMatchingOperation);

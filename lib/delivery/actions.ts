"use server";

import { createDeliveryTargetOperation, deleteDeliveryTargetOperation, setDeliveryTargetEnabledOperation } from "@/lib/delivery/operations";
import { defineAction } from "@/lib/server/action";

export const createDeliveryTargetAction = defineAction(createDeliveryTargetOperation);
export const setDeliveryTargetEnabledAction = defineAction(setDeliveryTargetEnabledOperation);
export const deleteDeliveryTargetAction = defineAction(deleteDeliveryTargetOperation);

"use server";

import {
  createAlertDestinationOperation, deleteAlertDestinationOperation, resendAlertDeliveryOperation, testAlertDestinationOperation, updateAlertDestinationOperation,
} from "@/lib/alerts/operations";
import { defineAction } from "@/lib/server/action";

export const createAlertDestinationAction = defineAction(createAlertDestinationOperation);
export const updateAlertDestinationAction = defineAction(updateAlertDestinationOperation);
export const deleteAlertDestinationAction = defineAction(deleteAlertDestinationOperation);
export const testAlertDestinationAction = defineAction(testAlertDestinationOperation);
export const resendAlertDeliveryAction = defineAction(resendAlertDeliveryOperation);

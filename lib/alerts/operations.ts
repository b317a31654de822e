import "server-only";
import { ZAlertDestinationId, ZCreateAlertDestination, ZResendAlertDelivery, ZUpdateAlertDestination } from "@/lib/alerts/schemas";
import { createAlertDestination, deleteAlertDestination, updateAlertDestination, type TCreatedDestination } from "@/lib/alerts/services/manage-destination";
import { resendDelivery } from "@/lib/alerts/services/resend-delivery";
import { recordTestAlert, sendTestAlert, type TTested, type TTestResult } from "@/lib/alerts/services/test-destination";
import type { TOperation } from "@/lib/server/execute";

/** Settings → Alert delivery: admins and security (permission alerts.deliver). Every one audited. */

export const createAlertDestinationOperation: TOperation<typeof ZCreateAlertDestination, TCreatedDestination> = {
  name: "alert_destinations.create",
  permission: "alerts.deliver",
  input: ZCreateAlertDestination,
  run: ({ tx, actor, input }) => createAlertDestination(tx, actor, input),
};

export const updateAlertDestinationOperation: TOperation<typeof ZUpdateAlertDestination, { id: string }> = {
  name: "alert_destinations.update",
  permission: "alerts.deliver",
  input: ZUpdateAlertDestination,
  run: ({ tx, input }) => updateAlertDestination(tx, input),
};

export const deleteAlertDestinationOperation: TOperation<typeof ZAlertDestinationId, { id: string }> = {
  name: "alert_destinations.delete",
  permission: "alerts.deliver",
  input: ZAlertDestinationId,
  run: ({ tx, input }) => deleteAlertDestination(tx, input.id),
};

/** The POST happens in `prepare`, outside the transaction; `run` records it in the history and audits it. */
export const testAlertDestinationOperation: TOperation<typeof ZAlertDestinationId, TTestResult, TTested> = {
  name: "alert_destinations.test",
  permission: "alerts.deliver",
  input: ZAlertDestinationId,
  prepare: ({ prisma, input }) => sendTestAlert(prisma, input.id),
  run: ({ tx, input, prepared }) => recordTestAlert(tx, input.id, prepared),
};

export const resendAlertDeliveryOperation: TOperation<typeof ZResendAlertDelivery, { id: string }> = {
  name: "alert_destinations.resend",
  permission: "alerts.deliver",
  input: ZResendAlertDelivery,
  run: ({ tx, input }) => resendDelivery(tx, input.deliveryId),
};

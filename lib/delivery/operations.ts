import { ZCreateDeliveryTarget, ZDeliveryTargetId, ZSetDeliveryTargetEnabled } from "@/lib/delivery/schemas";
import { createDeliveryTarget, deleteDeliveryTarget, setDeliveryTargetEnabled } from "@/lib/delivery/services/manage-target";
import type { TOperation } from "@/lib/server/execute";

export const createDeliveryTargetOperation: TOperation<typeof ZCreateDeliveryTarget, { id: string; signingSecret: string }> = {
  name: "delivery_targets.create",
  permission: "connectors.manage",
  input: ZCreateDeliveryTarget,
  run: ({ tx, actor, input }) => createDeliveryTarget(tx, actor, input),
};

export const setDeliveryTargetEnabledOperation: TOperation<typeof ZSetDeliveryTargetEnabled, { id: string; enabled: boolean }> = {
  name: "delivery_targets.set_enabled",
  permission: "connectors.manage",
  input: ZSetDeliveryTargetEnabled,
  run: ({ tx, input }) => setDeliveryTargetEnabled(tx, input.id, input.enabled),
};

export const deleteDeliveryTargetOperation: TOperation<typeof ZDeliveryTargetId, { id: string }> = {
  name: "delivery_targets.delete",
  permission: "connectors.manage",
  input: ZDeliveryTargetId,
  run: ({ tx, input }) => deleteDeliveryTarget(tx, input.id),
};

import type { TOperation } from "@/lib/server/execute";
import { planBulkRevocation, type TBulkPlan } from "./plan-bulk";
import { retryBulk } from "./retry-bulk";
import { revokeBulk } from "./revoke-bulk";
import { ZBatchId, ZBulkPlan, ZBulkRevoke } from "./schemas";

// Bulk revocation is security's break-glass at scale: the same permission, reach "any".
export const planBulkOperation: TOperation<typeof ZBulkPlan, TBulkPlan> = {
  name: "workflows.bulk_plan",
  permission: "workflows.break_glass",
  input: ZBulkPlan,
  run: async ({ tx, actor, input }) => {
    const plan = await planBulkRevocation(tx, actor, input.scope);
    // The dry run reads the inventory at scale: recorded, without its item list.
    return {
      data: plan,
      audit: { action: "workflow.bulk_dry_run", targetType: "operation", targetId: "workflows.bulk_plan", summary: { filter: "filter" in input.scope ? input.scope.filter : null, selected: plan.selected, eligible: plan.eligible.length } },
    };
  },
};

export const revokeBulkOperation: TOperation<typeof ZBulkRevoke, { batchId: string; workflows: number }> = {
  name: "workflows.bulk_revoke",
  permission: "workflows.break_glass",
  input: ZBulkRevoke,
  run: ({ tx, actor, input }) => revokeBulk(tx, actor, input),
  // All or nothing for up to 10,000 items (workflows, their events and jobs): 5,000 took 64 s on the
  // loaded 2-core test machine, past the default 60 s (npm run test:faults).
  transactionTimeoutMs: 300_000,
};

export const retryBulkOperation: TOperation<typeof ZBatchId, { retried: number }> = {
  name: "workflows.bulk_retry",
  permission: "workflows.break_glass",
  input: ZBatchId,
  run: ({ tx, actor, input }) => retryBulk(tx, actor, input.batchId),
};

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueMany } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { lockWorkflow, moveWorkflow } from "@/lib/workflows/services/workflow-record";
import { MAX_BULK } from "./schemas";

/** Retries every failed item of a batch at its failed step (after, say, a provider outage ended). */
export async function retryBulk(tx: TTx, actor: TActor, batchId: string, now = new Date()): Promise<TRunOutcome<{ retried: number }>> {
  const batch = await tx.workflowBatch.findUnique({ where: { id: batchId }, select: { id: true } });
  if (!batch) throw new AppError("NOT_FOUND", "No such batch.");
  const failed = await tx.workflow.findMany({ where: { batchId, state: "failed" }, select: { id: true }, orderBy: { id: "asc" }, take: MAX_BULK });
  if (failed.length === 0) throw new AppError("CONFLICT", "No item of this batch has failed: nothing to retry.");
  for (const { id } of failed) {
    const w = await lockWorkflow(tx, id);
    await moveWorkflow(tx, w, { type: "retry" }, { actor }, { now, detail: { step: w.failedStep, batchId } });
  }
  await enqueueMany(tx, WORKFLOW_ADVANCE_JOB, failed.map((f) => ({ workflowId: f.id })), { now, requeue: "if-finished" });
  return { data: { retried: failed.length }, audit: { action: "workflow.bulk_retry", targetType: "workflow_batch", targetId: batchId, summary: { retried: failed.length } } };
}

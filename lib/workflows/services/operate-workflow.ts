import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { isStep } from "@/lib/workflows/state-machine";
import { lockWorkflow, moveWorkflow } from "./workflow-record";

/**
 * A person's move on a running workflow: the owner confirms the consumers switched to the new
 * credential (cut-over) or that they created a replacement themselves (providers that cannot
 * issue); after a failure, retry the failed step or abandon the workflow. The state machine decides
 * whether the move is allowed in the current state.
 */
export async function operateWorkflow(
  tx: TTx,
  actor: TActor,
  input: { workflowId: string; action: "confirm_cutover" | "confirm_replacement" | "retry" | "abandon"; comment?: string },
  now = new Date(),
): Promise<TRunOutcome<{ id: string; state: string }>> {
  const w = await lockWorkflow(tx, input.workflowId);
  // The consumers cannot have switched to a secret nobody has received.
  if (input.action === "confirm_cutover" && w.state === "awaiting_cutover" && !w.secretRevealedAt && !w.deliveredAt) {
    throw new AppError("CONFLICT", "Reveal the new secret and switch its consumers over first: the old credential is revoked only after that.");
  }
  const ending = input.action === "abandon";
  const { to, audit } = await moveWorkflow(tx, w, { type: input.action }, { actor }, {
    now,
    detail: { comment: input.comment ?? null, ...(input.action === "retry" ? { step: w.failedStep } : {}) },
    // Abandoning ends it: nothing it held stays. The new secret (if any) was already revealed or destroyed.
    data: ending ? { oldSecret: null, pendingSecret: null, lastError: w.lastError ?? undefined } : { lastError: input.action === "retry" ? undefined : (w.lastError ?? undefined) },
  });
  if (isStep(to)) await enqueueJob(tx, { type: WORKFLOW_ADVANCE_JOB, payload: { workflowId: w.id }, requeue: "if-finished", now });
  return { data: { id: w.id, state: to }, audit: [audit, { ...audit, targetType: "credential", targetId: w.credentialId, action: `credential.workflow_${input.action}` }] };
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { notifyWorkflow } from "./notify-workflow";
import { lockWorkflow, moveWorkflow } from "./workflow-record";

/**
 * An approval or a rejection. The pipeline has already checked that the actor may act on the
 * credential (its owner, or a member of its team); here: nobody decides their own request, and the
 * workflow row is locked first, so of any number of simultaneous clicks exactly one decides and the
 * others are told it was already decided (the state machine refuses a second approval).
 */
export async function decideWorkflow(
  tx: TTx,
  actor: TActor,
  input: { workflowId: string; decision: "approve" | "reject"; comment?: string },
  now = new Date(),
): Promise<TRunOutcome<{ id: string; state: string }>> {
  const w = await lockWorkflow(tx, input.workflowId);
  if (w.requestedById === actor.id) throw new AppError("FORBIDDEN", "Nobody approves or rejects their own request: another owner of the credential must decide.");
  if (w.state === "requested" && w.approvalDueAt && w.approvalDueAt <= now) throw new AppError("CONFLICT", "This request expired before it was decided; request it again.");
  const { to, audit } = await moveWorkflow(tx, w, { type: input.decision }, { actor }, {
    now,
    data: { decidedById: actor.id, decidedByLabel: `${actor.email} (${actor.role})`, decidedAt: now, decisionComment: input.comment ?? null },
    detail: { comment: input.comment ?? null },
  });
  if (to === "approved") await enqueueJob(tx, { type: WORKFLOW_ADVANCE_JOB, payload: { workflowId: w.id }, requeue: "if-finished", now });
  // A rejection ends it: the held value of the old credential, if any, goes now.
  if (to === "rejected") await tx.workflow.update({ where: { id: w.id }, data: { oldSecret: null } });
  await notifyWorkflow(tx, {
    recipients: w.requestedById ? [w.requestedById] : [],
    exclude: [actor.id],
    workflowId: w.id,
    kind: `workflow.${to}`,
    title: `Your ${w.kind} of “${w.credential.name}” was ${to}`,
    detail: `by ${actor.name}${input.comment ? `: ${input.comment.slice(0, 200)}` : ""}`,
  });
  return { data: { id: w.id, state: to }, audit: [audit, { ...audit, action: `credential.${w.kind}_${to}`, targetType: "credential", targetId: w.credentialId }] };
}

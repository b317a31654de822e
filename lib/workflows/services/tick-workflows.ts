import "server-only";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { STEP_STATES } from "@/lib/workflows/state-machine";
import { notifyWorkflow } from "./notify-workflow";
import { lockWorkflow, moveWorkflow } from "./workflow-record";

/**
 * Once a minute: requests past their approval time expire; a new secret nobody revealed in time is
 * taken back (the workflow rolls back, revoking the new credential, then erases it); and every step
 * that is due — including one whose worker died mid-step, once its lease ran out — gets a job.
 */

const BATCH = 200;

export type TTickResult = { expired: number; secretsExpired: number; enqueued: number };

export async function tickWorkflows(prisma: PrismaClient, now = new Date()): Promise<TTickResult> {
  const result: TTickResult = { expired: 0, secretsExpired: 0, enqueued: 0 };
  const overdue = await prisma.workflow.findMany({ where: { state: "requested", approvalDueAt: { lte: now } }, select: { id: true }, take: BATCH });
  for (const { id } of overdue) {
    await prisma.$transaction(async (tx) => {
      const w = await lockWorkflow(tx, id);
      if (w.state !== "requested") return;
      const { audit } = await moveWorkflow(tx, w, { type: "expire" }, { actor: null }, { now, data: { oldSecret: null }, detail: { approvalDueAt: w.approvalDueAt?.toISOString() } });
      await appendAuditEvent(tx, null, audit);
      await notifyWorkflow(tx, { recipients: w.requestedById ? [w.requestedById] : [], workflowId: w.id, kind: "workflow.expired", title: `Your ${w.kind} of “${w.credential.name}” expired unapproved` });
      result.expired++;
    });
  }
  const unrevealed = await prisma.workflow.findMany({ where: { state: "awaiting_cutover", secretRevealedAt: null, secretExpiresAt: { lte: now } }, select: { id: true }, take: BATCH });
  for (const { id } of unrevealed) {
    await prisma.$transaction(async (tx) => {
      const w = await lockWorkflow(tx, id);
      if (w.state !== "awaiting_cutover" || w.secretRevealedAt) return;
      const { audit } = await moveWorkflow(tx, w, { type: "secret_expired" }, { actor: null }, { now, detail: { secretExpiresAt: w.secretExpiresAt?.toISOString() } });
      await appendAuditEvent(tx, null, audit);
      result.secretsExpired++;
    });
  }
  const due = await prisma.workflow.findMany({ where: { state: { in: [...STEP_STATES] }, nextRunAt: { lte: now } }, select: { id: true }, orderBy: { nextRunAt: "asc" }, take: BATCH });
  for (const { id } of due) {
    const { enqueued } = await enqueueJob(prisma, { type: WORKFLOW_ADVANCE_JOB, payload: { workflowId: id }, requeue: "if-finished", now });
    if (enqueued) result.enqueued++;
  }
  return result;
}

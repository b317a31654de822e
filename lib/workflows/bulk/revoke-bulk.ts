import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueMany } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { planBulkRevocation } from "./plan-bulk";
import type { TBulkRevoke } from "./schemas";

/**
 * A bulk (break-glass) revocation: the dry run again, in the transaction; a different eligible
 * count than the one shown is a conflict; then one batch row and one approved break-glass revocation
 * per eligible credential, each with its timeline entries and its job, all in this transaction —
 * either the whole batch exists or none of it. The items then run independently: one provider's
 * outage fails its items, not the others. Owners are told once each, with their count.
 */
export async function revokeBulk(tx: TTx, actor: TActor, input: TBulkRevoke, now = new Date()): Promise<TRunOutcome<{ batchId: string; workflows: number }>> {
  const plan = await planBulkRevocation(tx, actor, input.scope, now);
  if (plan.eligible.length !== input.eligible) {
    throw new AppError("CONFLICT", `The credentials in scope changed since the dry run: ${plan.eligible.length.toLocaleString("en")} can be revoked now, ${input.eligible.toLocaleString("en")} were shown. Run the dry run again.`);
  }
  const batchId = randomUUID();
  const label = actorLabel(actor);
  const skipped = Object.fromEntries(plan.skipped.map((s) => [s.reason, s.count]));
  await tx.workflowBatch.create({
    data: {
      id: batchId, reason: input.reason, requestedById: actor.id, requestedByLabel: label,
      filter: "filter" in input.scope ? input.scope.filter : null, selected: plan.selected, eligible: plan.eligible.length, skipped, createdAt: now,
    },
  });
  const credentials = await tx.credential.findMany({ where: { id: { in: plan.eligible.map((e) => e.id) } }, select: { id: true, providerId: true, ownerId: true } });
  const workflows = credentials.map((c) => ({
    id: randomUUID(), kind: "revocation" as const, state: "approved" as const, credentialId: c.id, providerId: c.providerId,
    requestedById: actor.id, requestedByLabel: label, reason: input.reason, breakGlass: true, batchId,
    decidedById: actor.id, decidedByLabel: label, decidedAt: now, decisionComment: "break-glass (bulk)", nextRunAt: now, createdAt: now,
  }));
  for (let i = 0; i < workflows.length; i += 1000) {
    const chunk = workflows.slice(i, i + 1000);
    await tx.workflow.createMany({ data: chunk });
    await tx.workflowEvent.createMany({
      data: chunk.flatMap((w) => [
        { workflowId: w.id, at: now, actorId: actor.id, actorLabel: label, type: "requested", toState: "requested" as const, detail: { reason: input.reason, batchId } },
        { workflowId: w.id, at: now, actorId: actor.id, actorLabel: label, type: "break_glass", fromState: "requested" as const, toState: "approved" as const, detail: { batchId } },
      ]),
    });
  }
  await enqueueMany(tx, WORKFLOW_ADVANCE_JOB, workflows.map((w) => ({ workflowId: w.id })), { now });
  // One notice per owner, with their count.
  const perOwner = new Map<string, number>();
  for (const c of credentials) if (c.ownerId && c.ownerId !== actor.id) perOwner.set(c.ownerId, (perOwner.get(c.ownerId) ?? 0) + 1);
  if (perOwner.size > 0) {
    await tx.notification.createMany({
      data: [...perOwner.entries()].map(([recipientId, n]) => ({
        recipientId, kind: "workflow.bulk_revocation", targetType: "workflow_batch", targetId: batchId,
        title: `${n} of your credentials ${n === 1 ? "is" : "are"} being revoked (break-glass)`, detail: `by ${actor.name}: ${input.reason.slice(0, 200)}`, href: `/workflows/batches/${batchId}`,
      })),
    });
  }
  return {
    data: { batchId, workflows: workflows.length },
    audit: {
      action: "workflow.bulk_revoke",
      targetType: "workflow_batch",
      targetId: batchId,
      summary: { reason: input.reason, filter: "filter" in input.scope ? input.scope.filter : null, selected: plan.selected, revoking: workflows.length, skipped },
    },
  };
}

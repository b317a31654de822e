import "server-only";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/logging/logger";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { loadActiveRotationPolicy } from "@/lib/rotation-policies/services/active-rotation-policy";
import { planPolicyRequests, type TPolicyItem } from "@/lib/rotation-policies/services/plan-policy-requests";
import { sendExpiryReminders } from "@/lib/rotation-policies/services/send-expiry-reminders";
import { policyRequesterLabel } from "@/lib/rotation-policies/schema";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { notifyWorkflow } from "@/lib/workflows/services/notify-workflow";
import { requestWorkflow } from "@/lib/workflows/services/request-workflow";
import { lockWorkflow, moveWorkflow } from "@/lib/workflows/services/workflow-record";

/**
 * The rotation policy job: for each credential a rule asks to rotate, one rotation request through
 * the same service people use (requestWorkflow), requested by "rotation policy vN rule R"; approved
 * at once only where the rule and the risk policy's auto-approval ceiling allow it. Then the expiry
 * reminders. Idempotent: a credential with a workflow open is skipped (and the partial unique index
 * on workflows keeps two racing runs to one), one whose last policy requests were rejected or
 * expired backs off, and the credential row is locked while its request is written.
 */

/** Requests opened per run: a first run over a large inventory catches up over a few ticks. */
export const REQUESTS_PER_RUN = 200;

export type TPolicyRunResult = { version: number; requested: number; autoApproved: number; skipped: number; blocked: number; backingOff: number; open: number; reminders: number };

export async function runRotationPolicies(prisma: PrismaClient, now = new Date()): Promise<TPolicyRunResult> {
  const active = await loadActiveRotationPolicy(prisma);
  const ceiling = (await loadActivePolicy(prisma)).policy.autoApproval.scheduledRotations;
  const plan = await planPolicyRequests(prisma, active.policy, ceiling, now);
  const result: TPolicyRunResult = { version: active.version, requested: 0, autoApproved: 0, skipped: 0, blocked: 0, backingOff: plan.backingOff, open: plan.open, reminders: 0 };
  for (const item of plan.items) {
    if (item.path === "blocked") { result.blocked++; continue; }
    if (result.requested >= REQUESTS_PER_RUN) break;
    try {
      const approved = await requestOne(prisma, active.version, item, now);
      result.requested++;
      if (approved) result.autoApproved++;
    } catch (error) {
      // Another run (or a person) opened one meanwhile: that is the idempotency working, not a failure.
      if (isConflict(error)) { result.skipped++; continue; }
      logger.error("rotation policy: request failed", { credentialId: item.credential.id, error: error instanceof Error ? error.message : String(error) });
      result.skipped++;
    }
  }
  result.reminders = (await sendExpiryReminders(prisma, active.policy.reminders.leadDays, now)).sent;
  return result;
}

function isConflict(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "CONFLICT";
  // The partial unique index (one open workflow per credential) refusing the second of two racing inserts.
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  return /P2002|23505|unique/i.test(text);
}

async function requestOne(prisma: PrismaClient, version: number, item: TPolicyItem, now: Date): Promise<boolean> {
  const label = policyRequesterLabel(version, item.match.rule.id);
  return prisma.$transaction(async (tx) => {
    // Serialises runs on this credential: the second waits, then finds the first one's workflow open.
    await tx.$queryRawUnsafe(`SELECT id FROM credentials WHERE id = $1::uuid FOR UPDATE`, item.credential.id);
    const requested = await requestWorkflow(tx, { policy: label }, { credentialId: item.credential.id, kind: "rotation", reason: `${item.match.rule.name}: ${item.match.why}` }, now);
    await tx.policyRequest.create({ data: { workflowId: requested.data.id, credentialId: item.credential.id, policyVersion: version, ruleId: item.match.rule.id, autoApproved: item.match.autoApprove, createdAt: now } });
    const audits = Array.isArray(requested.audit) ? requested.audit : [requested.audit];
    for (const record of audits) {
      await appendAuditEvent(tx, null, { ...record, action: record.action ?? "workflow.request", summary: { ...record.summary, requestedBy: label, rule: item.match.rule.id, policyVersion: version } });
    }
    if (!item.match.autoApprove) return false;
    const w = await lockWorkflow(tx, requested.data.id);
    const comment = `auto-approved by ${label}`;
    const { audit } = await moveWorkflow(tx, w, { type: "approve" }, { actor: null, label }, {
      now,
      data: { decidedById: null, decidedByLabel: label, decidedAt: now, decisionComment: comment },
      detail: { comment, autoApproved: true },
    });
    await appendAuditEvent(tx, null, audit);
    await enqueueJob(tx, { type: WORKFLOW_ADVANCE_JOB, payload: { workflowId: w.id }, requeue: "if-finished", now });
    await notifyWorkflow(tx, {
      recipients: [w.credential.ownerId].filter((id): id is string => Boolean(id)),
      workflowId: w.id,
      kind: "workflow.auto_approved",
      title: `Rotation of “${w.credential.name}” started by policy`,
      detail: comment,
    });
    return true;
  });
}

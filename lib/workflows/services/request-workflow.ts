import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { planWorkflow, type TWorkflowPlan } from "@/lib/workflows/plan";
import type { TWorkflowKind } from "@/lib/workflows/state-machine";
import { approversOf, notifyWorkflow } from "./notify-workflow";
import { sealWorkflowSecret } from "./workflow-record";

/**
 * A rotation or revocation request (or a break-glass revocation, born approved). Refused, with the
 * reason, when the credential's provider cannot do it (its connector's declaration), when one is
 * already open for the credential, or when the provider needs the credential's value (RFC 7009)
 * and none — or another credential's — was given.
 */

export type TRequested = { id: string; state: string; plan: Extract<TWorkflowPlan, { possible: true }> };

/** A rotation policy asking (lib/rotation-policies): no person, so no id; its label names the version and rule. */
export type TPolicyRequester = { policy: string };

/**
 * Usage telemetry saying an ephemeral credential's task ended (lib/usage/services/end-ephemeral-tasks.ts):
 * no person either, but the one system requester that opens a break-glass revocation — revoking is
 * the safe direction, and the credential's owner chose it by marking the credential ephemeral.
 */
export type TTaskEndedRequester = { taskEnded: string };

type TRequester = TActor | TPolicyRequester | TTaskEndedRequester;

function personOf(requester: TRequester): TActor | null {
  return "policy" in requester || "taskEnded" in requester ? null : requester;
}

function labelOf(requester: TRequester): string {
  if ("policy" in requester) return requester.policy;
  if ("taskEnded" in requester) return requester.taskEnded;
  return actorLabel(requester);
}

const CLOSED = ["revoked", "disabled"];

export async function requestWorkflow(
  tx: TTx,
  requester: TRequester,
  input: { credentialId: string; kind: TWorkflowKind; reason?: string; currentValue?: string; breakGlass?: boolean; deliveryTargetId?: string },
  now = new Date(),
): Promise<TRunOutcome<TRequested>> {
  const actor = personOf(requester);
  if ("policy" in requester && input.breakGlass) throw new AppError("FORBIDDEN", "A policy never opens a break-glass revocation.");
  const credential = await tx.credential.findUniqueOrThrow({
    where: { id: input.credentialId },
    select: { id: true, name: true, kind: true, status: true, fingerprint: true, ownerId: true, teamId: true, providerId: true, provider: { select: { name: true, type: true, enabled: true, encryptedCredentials: true } } },
  });
  if (CLOSED.includes(credential.status)) throw new AppError("CONFLICT", `${credential.name} is already ${credential.status}.`);
  const plan = planWorkflow({
    kind: input.kind,
    credentialKind: credential.kind,
    provider: { name: credential.provider.name, enabled: credential.provider.enabled, secretSet: credential.provider.encryptedCredentials !== null },
    connector: isConnectorType(credential.provider.type) ? connectorFor(credential.provider.type) : null,
  });
  if (!plan.possible) throw new AppError("CONFLICT", plan.reason);
  if (plan.revokeNeedsValue && !input.currentValue) {
    throw new AppError("VALIDATION", `${credential.provider.name} revokes this kind of credential only when it is presented (RFC 7009): paste its current value. It is kept encrypted for that call and erased when the workflow ends.`, {
      fieldErrors: { currentValue: ["Paste the credential's current value"] },
    });
  }
  if (input.currentValue && credential.fingerprint && fingerprintOf(input.currentValue) !== credential.fingerprint) {
    throw new AppError("VALIDATION", "That is not this credential: its fingerprint differs from the one in the inventory.", { fieldErrors: { currentValue: ["Not this credential's value"] } });
  }
  if (input.deliveryTargetId) {
    if (input.kind !== "rotation") throw new AppError("VALIDATION", "Only a rotation delivers a new secret.", { fieldErrors: { deliveryTargetId: ["Only for rotations"] } });
    const target = await tx.deliveryTarget.findUnique({ where: { id: input.deliveryTargetId }, select: { enabled: true, name: true } });
    if (!target) throw new AppError("VALIDATION", "No such delivery target.", { fieldErrors: { deliveryTargetId: ["No such delivery target"] } });
    if (!target.enabled) throw new AppError("VALIDATION", `${target.name} is disabled.`, { fieldErrors: { deliveryTargetId: ["Disabled"] } });
  }
  const open = await tx.workflow.findFirst({ where: { credentialId: credential.id, state: { notIn: ["completed", "rejected", "expired", "rolled_back", "abandoned"] } }, select: { id: true, kind: true, state: true } });
  if (open) throw new AppError("CONFLICT", `A ${open.kind} of ${credential.name} is already open (${open.state.replace(/_/g, " ")}).`);

  const id = randomUUID();
  const breakGlass = input.breakGlass === true;
  const label = labelOf(requester);
  await tx.workflow.create({
    data: {
      id,
      kind: input.kind,
      state: breakGlass ? "approved" : "requested",
      credentialId: credential.id,
      providerId: credential.providerId,
      requestedById: actor?.id ?? null,
      requestedByLabel: label,
      reason: input.reason ?? null,
      breakGlass,
      approvalDueAt: breakGlass ? null : new Date(now.getTime() + env().TOKENWARD_APPROVAL_HOURS * 3_600_000),
      nextRunAt: breakGlass ? now : null,
      oldSecret: input.currentValue ? sealWorkflowSecret(id, "old", input.currentValue) : null,
      deliveryTargetId: input.deliveryTargetId ?? null,
      ...(breakGlass ? { decidedById: actor?.id ?? null, decidedByLabel: label, decidedAt: now, decisionComment: "break-glass" } : {}),
      createdAt: now,
    },
  });
  const detail = { reason: input.reason ?? null, plan: plan.summary, valueSupplied: Boolean(input.currentValue) };
  await tx.workflowEvent.create({ data: { workflowId: id, at: now, actorId: actor?.id ?? null, actorLabel: label, type: "requested", toState: "requested", detail } });
  if (breakGlass) {
    await tx.workflowEvent.create({ data: { workflowId: id, at: now, actorId: actor?.id ?? null, actorLabel: label, type: "break_glass", fromState: "requested", toState: "approved", detail: { reason: input.reason ?? null } } });
    await enqueueJob(tx, { type: WORKFLOW_ADVANCE_JOB, payload: { workflowId: id }, requeue: "if-finished", now });
  }

  const approvers = await approversOf(tx, credential);
  const what = input.kind === "rotation" ? "Rotation" : "Revocation";
  await notifyWorkflow(tx, {
    recipients: approvers,
    exclude: [actor?.id],
    workflowId: id,
    kind: breakGlass ? "workflow.break_glass" : "workflow.approval_requested",
    title: breakGlass ? `Break-glass revocation of “${credential.name}”` : `${what} of “${credential.name}” needs your approval`,
    detail: `by ${actor ? actor.name : label}${input.reason ? `: ${input.reason.slice(0, 200)}` : ""}`,
  });

  const summary = { credentialId: credential.id, credential: credential.name, kind: input.kind, breakGlass, reason: input.reason ?? null, plan: plan.summary, valueSupplied: Boolean(input.currentValue) };
  return {
    data: { id, state: breakGlass ? "approved" : "requested", plan },
    audit: [
      { action: breakGlass ? "workflow.break_glass" : "workflow.request", targetType: "workflow", targetId: id, summary },
      { action: breakGlass ? "credential.break_glass_requested" : `credential.${input.kind}_requested`, targetType: "credential", targetId: credential.id, summary: { workflowId: id, ...summary } },
    ],
  };
}

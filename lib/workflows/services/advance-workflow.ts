import "server-only";
import { randomUUID } from "node:crypto";
import { fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TTx } from "@/lib/server/execute";
import { isStep, type TStepState, type TWorkflowState } from "@/lib/workflows/state-machine";
import { approversOf, notifyWorkflow } from "./notify-workflow";
import { performStep, type TCredentialFacts, type TStepResult } from "./perform-step";
import { lockWorkflow, moveWorkflow, noteWorkflow, sealWorkflowSecret, type TLockedWorkflow } from "./workflow-record";

/**
 * The worker's side of a workflow: claim the due step, make its provider call outside any
 * transaction, record the answer. State lives only in the database, so a worker that dies at any
 * point leaves a step that a later run picks up again (its claim is a lease: `next_run_at` pushed
 * past now), and two workers never run the same step (the claim is taken under the row lock).
 * Retryable provider errors back off exponentially up to TOKENWARD_STEP_ATTEMPTS; then, or for an
 * error retrying cannot fix, the state machine decides where a failure leads.
 */

export const STEP_LEASE_MS = 2 * 60_000;

export type TAdvanceOptions = {
  now?: () => Date;
  workerLabel?: string;
  backoffMs?: number;
  maxAttempts?: number;
  /**
   * The worker is shutting down: the step in hand is finished and recorded, no further step is
   * claimed (the next one stays due, and the tick hands it to a worker that is still running).
   */
  signal?: AbortSignal;
  /** Tests: called around each provider call; throwing simulates a worker that dies right there. */
  fault?: (step: TStepState, when: "before-call" | "after-call") => void | Promise<void>;
};

export type TAdvanceResult = { workflowId: string; steps: number; state: TWorkflowState | null };

const SYSTEM = { actor: null };

function backoff(attempt: number, base: number): number {
  return Math.min(15 * 60_000, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Issuing is the one provider call that is not safe to repeat: a second call mints a second
 * credential (AWS then refuses a third key, and the stray one is live). When an earlier attempt's
 * answer never reached the database — its worker died between the call and the record, or the
 * provider did not answer in time — the provider may have issued all the same, so the step fails
 * with what to check instead of issuing again; a person's retry then issues anew.
 */
export const UNCERTAIN_ISSUE =
  "An earlier attempt to issue the replacement got no recorded answer (the worker stopped, or the provider did not answer in time), so the provider may have issued a credential Tokenward does not know. Check the provider for it and revoke it, then retry.";

async function issueWasInterrupted(tx: TTx, w: TLockedWorkflow): Promise<boolean> {
  if (w.state !== "issuing_new" || w.stepAttempts === 0 || w.newExternalId || w.pendingSecret) return false;
  // Every recorded answer (a retry scheduled, a move, a discarded result) writes an event after its
  // step_started: a step_started that is still the latest entry is an attempt that never came back.
  const last = await tx.workflowEvent.findFirst({ where: { workflowId: w.id }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { type: true } });
  return last?.type === "step_started";
}

async function claim(prisma: PrismaClient, id: string, now: Date): Promise<{ w: TLockedWorkflow; step: TStepState; facts: TCredentialFacts; interrupted: boolean } | null> {
  return prisma.$transaction(async (tx) => {
    const w = await lockWorkflow(tx, id).catch(() => null);
    if (!w || !isStep(w.state)) return null;
    if (w.nextRunAt && w.nextRunAt > now) return null;
    const interrupted = await issueWasInterrupted(tx, w);
    const step = w.state;
    const attempt = w.stepAttempts + 1;
    await tx.workflow.update({ where: { id }, data: { nextRunAt: new Date(now.getTime() + STEP_LEASE_MS), stepAttempts: attempt } });
    await noteWorkflow(tx, w, SYSTEM, "step_started", now, { step, attempt });
    const old = await tx.credential.findUniqueOrThrow({ where: { id: w.credentialId }, select: { scopes: true, audiences: true } });
    const replacement = w.newCredentialId ? await tx.credential.findUnique({ where: { id: w.newCredentialId }, select: { expiresAt: true } }) : null;
    return { w: { ...w, stepAttempts: attempt }, step, facts: { ...old, newExpiresAt: replacement?.expiresAt?.toISOString() ?? null }, interrupted };
  });
}

/** What a successful step changes besides the state: the replacement recorded, the old one marked revoked. */
async function effectsOfSuccess(tx: TTx, w: TLockedWorkflow, step: TStepState, result: Extract<TStepResult, { ok: true }>, now: Date): Promise<Record<string, unknown>> {
  if (step === "issuing_new" && result.issued) {
    const issued = result.issued;
    const old = await tx.credential.findUniqueOrThrow({ where: { id: w.credentialId } });
    const newId = randomUUID();
    await tx.credential.create({
      data: {
        id: newId,
        name: `${old.name} (rotated ${now.toISOString().slice(0, 10)})`.slice(0, 500),
        kind: old.kind,
        providerId: old.providerId,
        externalId: issued.externalId ?? null,
        fingerprint: fingerprintOf(issued.value),
        hint: hintOf(issued.value),
        scopes: issued.scopes.length ? issued.scopes : old.scopes,
        audiences: old.audiences,
        environment: old.environment,
        issuedAt: now,
        expiresAt: issued.expiresAt ?? null,
        lastRotatedAt: now,
        source: "manual",
        identityId: old.identityId,
        ownerId: old.ownerId,
        teamId: old.teamId,
        providerMetadata: old.providerMetadata ?? undefined,
      },
    });
    await recomputeCredentials(tx, [newId], { now });
    return {
      newCredentialId: newId,
      newExternalId: issued.externalId ?? fingerprintOf(issued.value),
      pendingSecret: sealWorkflowSecret(w.id, "new", issued.value),
      secretExpiresAt: new Date(now.getTime() + env().TOKENWARD_SECRET_REVEAL_HOURS * 3_600_000),
    };
  }
  // Delivered to a webhook: the receiver has it; once the provider confirmed it works, Tokenward lets it go.
  if (step === "delivering" && result.delivered) return { deliveredAt: now };
  if (step === "verifying_new" && w.deliveredAt) return { pendingSecret: null, secretExpiresAt: null };
  if (step === "verifying_old_revoked") {
    await tx.credential.update({ where: { id: w.credentialId }, data: { status: "revoked" } });
    await recomputeCredentials(tx, [w.credentialId], { now });
    await appendAuditEvent(tx, null, { action: "credential.revoked", targetType: "credential", targetId: w.credentialId, summary: { workflowId: w.id, kind: w.kind, breakGlass: w.breakGlass } });
    return { oldSecret: null };
  }
  if (step === "rolling_back") {
    if (w.newCredentialId) {
      await tx.credential.update({ where: { id: w.newCredentialId }, data: { status: "revoked" } });
      await recomputeCredentials(tx, [w.newCredentialId], { now });
    }
    return { pendingSecret: null, oldSecret: null };
  }
  return {};
}

async function record(prisma: PrismaClient, id: string, step: TStepState, result: TStepResult, now: Date, options: TAdvanceOptions): Promise<TWorkflowState | null> {
  return prisma.$transaction(async (tx) => {
    // Recording may update the credential (revoked, risk recomputed): its lock comes first, as in people's operations.
    const w = await lockWorkflow(tx, id, { credentialFirst: true });
    // Someone moved it meanwhile (abandoned it, say): this answer is no longer the workflow's.
    if (w.state !== step) {
      await noteWorkflow(tx, w, SYSTEM, "step_result_discarded", now, { step, ok: result.ok });
      return null;
    }
    if (result.ok) {
      const data = await effectsOfSuccess(tx, w, step, result, now);
      const { to, audit } = await moveWorkflow(tx, w, { type: "step_done" }, SYSTEM, { now, data, detail: { step, ...result.detail } });
      await appendAuditEvent(tx, null, audit);
      if (to === "awaiting_cutover" || to === "awaiting_replacement") {
        await notifyWorkflow(tx, {
          recipients: await approversOf(tx, w.credential),
          workflowId: w.id,
          kind: `workflow.${to}`,
          title: to === "awaiting_cutover" ? `The new “${w.credential.name}” is ready: reveal it, switch over, confirm` : `Create a replacement for “${w.credential.name}”, then confirm`,
        });
      }
      return to;
    }
    const maxAttempts = options.maxAttempts ?? env().TOKENWARD_STEP_ATTEMPTS;
    // A timed-out issue may have issued anyway (see UNCERTAIN_ISSUE): never retried blindly.
    const uncertain = step === "issuing_new" && result.error.kind === "timeout";
    const error = uncertain
      ? { ...result.error, message: `${result.error.message} ${UNCERTAIN_ISSUE}`, retryable: false, at: now.toISOString(), step, attempt: w.stepAttempts }
      : { ...result.error, at: now.toISOString(), step, attempt: w.stepAttempts };
    if (error.retryable && w.stepAttempts < maxAttempts) {
      const runAt = new Date(now.getTime() + backoff(w.stepAttempts, options.backoffMs ?? 10_000));
      await tx.workflow.update({ where: { id }, data: { nextRunAt: runAt, lastError: error } });
      await noteWorkflow(tx, w, SYSTEM, "step_retry", now, { ...error, nextRunAt: runAt.toISOString() });
      return w.state;
    }
    const { to, audit } = await moveWorkflow(tx, w, { type: "step_failed" }, SYSTEM, {
      now,
      data: { lastError: error, ...(step === "delivering" || step === "verifying_new" ? {} : { failedStep: step }) },
      detail: { step, error: error.message, retryable: error.retryable, status: result.error.status },
    });
    await appendAuditEvent(tx, null, audit);
    await notifyWorkflow(tx, {
      recipients: [...(w.requestedById ? [w.requestedById] : []), ...(await approversOf(tx, w.credential))],
      workflowId: w.id,
      kind: `workflow.${to}`,
      title: to === "rolling_back" ? `Rotation of “${w.credential.name}” is rolling back` : `A ${w.kind} of “${w.credential.name}” needs attention`,
      detail: error.message.slice(0, 300),
    });
    return to;
  });
}

export async function advanceWorkflow(prisma: PrismaClient, workflowId: string, options: TAdvanceOptions = {}): Promise<TAdvanceResult> {
  const clock = options.now ?? (() => new Date());
  let steps = 0;
  let state: TWorkflowState | null = null;
  // Steps follow each other in one run until the workflow waits for a person, backs off or ends.
  for (let guard = 0; guard < 20; guard++) {
    if (options.signal?.aborted) break;
    const claimed = await claim(prisma, workflowId, clock());
    if (!claimed) break;
    const { w, step, facts, interrupted } = claimed;
    await options.fault?.(step, "before-call");
    let result: TStepResult;
    try {
      result = interrupted ? { ok: false, error: { message: UNCERTAIN_ISSUE, retryable: false, status: null, kind: "interrupted" } } : await performStep(w, step, facts);
    } catch (error) {
      // Not a provider's answer (a bug, a database hiccup): logged in full, recorded generically, retried.
      logger.error("workflow step failed unexpectedly", { workflowId, step, error });
      result = { ok: false, error: { message: `Unexpected error in step ${step}; the details are in the server log under workflow ${workflowId}.`, retryable: true, status: null, kind: "internal" } };
    }
    await options.fault?.(step, "after-call");
    state = await record(prisma, workflowId, step, result, clock(), options);
    steps++;
    if (!state || !isStep(state) || state === step) break;
  }
  return { workflowId, steps, state };
}

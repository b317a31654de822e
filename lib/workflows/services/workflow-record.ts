import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, Workflow } from "@/lib/generated/prisma/client";
import type { TAuditRecord } from "@/lib/audit/services/append-audit-event";
import type { TTx } from "@/lib/server/execute";
import { planWorkflow, type TWorkflowPlan } from "@/lib/workflows/plan";
import { isStep, transition, type TStepState, type TWorkflowEvent, type TWorkflowState } from "@/lib/workflows/state-machine";

/**
 * Reading, locking and moving one workflow. Every move goes through `moveWorkflow`: the state
 * machine decides, the row and its timeline event are written together, and the caller receives the
 * audit record to write in the same transaction (the pipeline does it for people's actions, the
 * worker for its own steps). Secrets held by a workflow are encrypted per row and purpose.
 */

export type TLockedWorkflow = Workflow & {
  credential: { id: string; name: string; kind: string; status: string; fingerprint: string | null; externalId: string | null; providerMetadata: Prisma.JsonValue; ownerId: string | null; teamId: string | null };
  provider: { id: string; name: string; type: string; enabled: boolean; config: Prisma.JsonValue; encryptedCredentials: string | null };
  deliveryTarget: { id: string; name: string; url: string; encryptedSecret: string; enabled: boolean } | null;
};

/**
 * `credentialFirst`: people's operations lock the credential (the pipeline's resource gate) and then
 * the workflow; a transaction that updates the credential while holding the workflow's lock (the
 * worker recording a step) must take the locks in that same order, or the two deadlock (seen on
 * PostgreSQL: 50 simultaneous approvals while a worker recorded the first one's steps).
 */
export async function lockWorkflow(tx: TTx, id: string, options: { credentialFirst?: boolean } = {}): Promise<TLockedWorkflow> {
  if (options.credentialFirst) {
    await tx.$queryRawUnsafe(`SELECT c.id::text AS id FROM credentials c JOIN workflows w ON w.credential_id = c.id WHERE w.id = $1::uuid FOR UPDATE OF c`, id);
  }
  const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM workflows WHERE id = $1::uuid FOR UPDATE`, id);
  if (!row) throw new AppError("NOT_FOUND", "No such workflow.");
  const workflow = await tx.workflow.findUniqueOrThrow({
    where: { id },
    include: {
      deliveryTarget: { select: { id: true, name: true, url: true, encryptedSecret: true, enabled: true } },
      credential: {
        select: {
          id: true, name: true, kind: true, status: true, fingerprint: true, externalId: true, providerMetadata: true, ownerId: true, teamId: true,
          provider: { select: { id: true, name: true, type: true, enabled: true, config: true, encryptedCredentials: true } },
        },
      },
    },
  });
  const { provider, ...credential } = workflow.credential;
  return { ...workflow, credential, provider };
}

export function planOf(w: Pick<TLockedWorkflow, "kind" | "credential" | "provider">): TWorkflowPlan {
  return planWorkflow({
    kind: w.kind,
    credentialKind: w.credential.kind,
    provider: { name: w.provider.name, enabled: w.provider.enabled, secretSet: w.provider.encryptedCredentials !== null },
    connector: isConnectorType(w.provider.type) ? connectorFor(w.provider.type) : null,
  });
}

/** `label` names a non-person actor more precisely than "system" (a rotation policy's version and rule). */
export type TWho = { actor: TActor | null; label?: string };
export const labelOf = (who: TWho) => who.label ?? actorLabel(who.actor);

/** The one way a workflow changes state. Throws CONFLICT (with the machine's reason) for a move the state does not allow. */
export async function moveWorkflow(
  tx: TTx,
  w: TLockedWorkflow,
  event: TWorkflowEvent,
  who: TWho,
  options: { now: Date; data?: Prisma.WorkflowUncheckedUpdateInput; detail?: Record<string, unknown>; canIssue?: boolean },
): Promise<{ to: TWorkflowState; audit: TAuditRecord }> {
  const plan = planOf(w);
  const canIssue = options.canIssue ?? (plan.possible ? plan.canIssue : false);
  const result = transition(w.state, event, { kind: w.kind, canIssue, failedStep: (w.failedStep as TStepState | null) ?? null });
  if (!result.ok) throw new AppError("CONFLICT", result.reason);
  const to = result.to;
  const leavingFailure = w.state === "failed";
  await tx.workflow.update({
    where: { id: w.id },
    data: {
      state: to,
      // A step state is due now; a waiting or final state is not the worker's.
      nextRunAt: isStep(to) ? options.now : null,
      stepAttempts: 0,
      ...(leavingFailure ? { failedStep: null } : {}),
      ...(to === "completed" || to === "rolled_back" || to === "abandoned" ? { completedAt: options.now } : {}),
      ...options.data,
    },
  });
  await tx.workflowEvent.create({
    data: { workflowId: w.id, at: options.now, actorId: who.actor?.id ?? null, actorLabel: labelOf(who), type: event.type, fromState: w.state, toState: to, detail: (options.detail ?? {}) as object },
  });
  return {
    to,
    audit: {
      action: `workflow.${event.type}`,
      targetType: "workflow",
      targetId: w.id,
      summary: { credentialId: w.credentialId, credential: w.credential.name, kind: w.kind, breakGlass: w.breakGlass, before: { state: w.state }, after: { state: to }, ...(options.detail ?? {}) },
    },
  };
}

/** A timeline entry that is not a move (a retry scheduled, a secret revealed). */
export async function noteWorkflow(tx: TTx, w: Pick<Workflow, "id" | "state">, who: TWho, type: string, now: Date, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.workflowEvent.create({ data: { workflowId: w.id, at: now, actorId: who.actor?.id ?? null, actorLabel: labelOf(who), type, fromState: w.state, toState: w.state, detail: detail as object } });
}

const secretRow = (workflowId: string, purpose: "new" | "old") => `workflow:${workflowId}:${purpose}`;

/** A credential value a workflow holds for a while (the new secret until revealed, the old one until revoked). */
export function sealWorkflowSecret(workflowId: string, purpose: "new" | "old", value: string): string {
  return encryptSecret({ value }, secretRow(workflowId, purpose));
}

export function openWorkflowSecret(workflowId: string, purpose: "new" | "old", envelope: string): string {
  const opened = decryptSecret(envelope, secretRow(workflowId, purpose)) as { value?: unknown };
  if (typeof opened.value !== "string") throw new AppError("INTERNAL", "A workflow secret is not in the expected shape.");
  return opened.value;
}

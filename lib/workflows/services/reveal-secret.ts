import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { lockWorkflow, noteWorkflow, openWorkflowSecret } from "./workflow-record";

/**
 * The one-time reveal of a rotation's new secret to someone who answers for the credential. The
 * sealed value is erased in the same transaction that returns it, so a second reveal (another tab,
 * a double click, a replayed request) finds nothing. The audit event records that it was revealed
 * and by whom — never the value.
 */
export async function revealSecret(tx: TTx, actor: TActor, workflowId: string, now = new Date()): Promise<TRunOutcome<{ secret: string; credentialName: string }>> {
  const w = await lockWorkflow(tx, workflowId);
  if (w.state !== "awaiting_cutover") throw new AppError("CONFLICT", `There is no new secret to reveal while the workflow is ${w.state.replace(/_/g, " ")}.`);
  if (w.deliveryTargetId) throw new AppError("CONFLICT", `The new secret was delivered to ${w.deliveryTarget?.name ?? "its delivery target"}; it is not revealed here.`);
  if (w.secretRevealedAt) throw new AppError("CONFLICT", `The new secret was already revealed (${w.secretRevealedAt.toISOString()}); it is shown only once. If it was lost, abandon this rotation and start another.`);
  if (!w.pendingSecret) throw new AppError("CONFLICT", "The new secret is no longer held (it expired unrevealed).");
  const secret = openWorkflowSecret(w.id, "new", w.pendingSecret);
  await tx.workflow.update({ where: { id: w.id }, data: { pendingSecret: null, secretRevealedAt: now, deliveredAt: now } });
  await noteWorkflow(tx, w, { actor }, "secret_revealed", now);
  const summary = { credentialId: w.credentialId, credential: w.credential.name, newCredentialId: w.newCredentialId };
  return {
    data: { secret, credentialName: w.credential.name },
    audit: [
      { action: "workflow.secret_revealed", targetType: "workflow", targetId: w.id, summary },
      { action: "credential.secret_revealed", targetType: "credential", targetId: w.newCredentialId ?? w.credentialId, summary: { workflowId: w.id, ...summary } },
    ],
  };
}

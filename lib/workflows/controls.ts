import type { TActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/access";
import type { TOperateWorkflow } from "./schemas";
import type { TWorkflowState } from "./state-machine";

/**
 * Which controls a workflow's page shows this viewer: the same rules the operations enforce (the
 * permission table's reach over the credential's owner and team, nobody deciding their own request,
 * cut-over only after the secret reached someone), so a control is shown only where it would work.
 */
export type TControlsInput = {
  id: string;
  state: TWorkflowState;
  credentialName: string;
  credentialOwner: { ownerId: string | null; teamId: string | null };
  requestedById: string | null;
  approvalDueAt: string | null;
  secretHeld: boolean;
  secretRevealedAt: string | null;
};

export function workflowControls(actor: TActor, w: TControlsInput, now: number) {
  const decide =
    w.state === "requested" && w.requestedById !== actor.id && (!w.approvalDueAt || Date.parse(w.approvalDueAt) > now) && allows(actor, "workflows.approve", w.credentialOwner);
  const reveal = w.state === "awaiting_cutover" && w.secretHeld && !w.secretRevealedAt && allows(actor, "workflows.reveal", w.credentialOwner);
  const operate: TOperateWorkflow["action"][] = [];
  if (allows(actor, "workflows.operate", w.credentialOwner)) {
    if (w.state === "awaiting_cutover" && w.secretRevealedAt) operate.push("confirm_cutover");
    if (w.state === "awaiting_replacement") operate.push("confirm_replacement");
    if (w.state === "failed") operate.push("retry", "abandon");
  }
  return { workflowId: w.id, credentialName: w.credentialName, decide, reveal, operate };
}

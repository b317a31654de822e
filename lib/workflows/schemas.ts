import { z } from "zod";

const ZReason = z.string().trim().max(1000, "At most 1,000 characters");

/**
 * The credential's current value, when its provider can only revoke (or check) a credential by
 * presenting it (RFC 7009). Used for that call only: stored encrypted with the workflow, erased once
 * the revocation is verified or the workflow ends. Never logged, never audited.
 */
const ZPresentedValue = z.string().min(1, "Paste the credential").max(10_000, "At most 10,000 characters");

export const ZRequestWorkflow = z.strictObject({
  credentialId: z.uuid({ error: "credentialId must be a credential id" }),
  kind: z.enum(["rotation", "revocation"], { error: "Choose rotation or revocation" }),
  reason: ZReason.optional(),
  currentValue: ZPresentedValue.optional(),
});
export type TRequestWorkflow = z.infer<typeof ZRequestWorkflow>;

export const ZBreakGlass = z.strictObject({
  credentialId: z.uuid({ error: "credentialId must be a credential id" }),
  reason: ZReason.min(10, "Say why, in at least 10 characters: break-glass revocations are flagged in every report"),
  currentValue: ZPresentedValue.optional(),
});
export type TBreakGlass = z.infer<typeof ZBreakGlass>;

export const ZDecideWorkflow = z.strictObject({
  workflowId: z.uuid({ error: "workflowId must be a workflow id" }),
  decision: z.enum(["approve", "reject"], { error: "Approve or reject" }),
  comment: ZReason.optional(),
});
export type TDecideWorkflow = z.infer<typeof ZDecideWorkflow>;

/** A person's move on a running workflow: confirm the cut-over or the replacement, retry or abandon after a failure. */
export const ZOperateWorkflow = z.strictObject({
  workflowId: z.uuid({ error: "workflowId must be a workflow id" }),
  action: z.enum(["confirm_cutover", "confirm_replacement", "retry", "abandon"], { error: "Unknown action" }),
  comment: ZReason.optional(),
});
export type TOperateWorkflow = z.infer<typeof ZOperateWorkflow>;

export const ZWorkflowId = z.strictObject({ workflowId: z.uuid({ error: "workflowId must be a workflow id" }) });

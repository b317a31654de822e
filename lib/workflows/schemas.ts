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
  /** Rotation only: deliver the new secret to this signed webhook instead of revealing it once. */
  deliveryTargetId: z.uuid({ error: "deliveryTargetId must be a delivery target id" }).optional(),
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

/** The workflows list's URL (/workflows?view=&state=&kind=&breakGlass=&cursor=), parsed as a route query. */
export const WORKFLOW_VIEWS = ["open", "approvals", "mine", "all"] as const;
export const ZWorkflowListQuery = z.object({
  view: z.enum(WORKFLOW_VIEWS, { error: `view must be one of ${WORKFLOW_VIEWS.join(", ")}` }).default("open"),
  kind: z.enum(["rotation", "revocation"], { error: "kind must be rotation or revocation" }).optional(),
  breakGlass: z.literal("1", { error: "breakGlass must be 1" }).optional(),
  provider: z.uuid({ error: "provider must be a provider id" }).optional(),
  /** Keyset cursor: "<created ISO>_<id>" of the last row shown. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/, "cursor is not one this page made")
    .refine((c) => !Number.isNaN(Date.parse(c.slice(0, 24))), "cursor is not one this page made")
    .optional(),
});
export type TWorkflowListQuery = z.infer<typeof ZWorkflowListQuery>;

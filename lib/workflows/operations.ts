import { ZBreakGlass, ZDecideWorkflow, ZOperateWorkflow, ZRequestWorkflow, ZWorkflowId } from "@/lib/workflows/schemas";
import { decideWorkflow } from "@/lib/workflows/services/decide-workflow";
import { operateWorkflow } from "@/lib/workflows/services/operate-workflow";
import { requestWorkflow, type TRequested } from "@/lib/workflows/services/request-workflow";
import { revealSecret } from "@/lib/workflows/services/reveal-secret";
import type { TOperation, TTx } from "@/lib/server/execute";
import type { TResourceRef } from "@/lib/auth/authorize";

/** A workflow's resource is its credential: reach ("owned") is the credential's owner and team. */
async function credentialOf(tx: TTx, workflowId: string): Promise<TResourceRef> {
  const w = await tx.workflow.findUnique({ where: { id: workflowId }, select: { credentialId: true } });
  // An unknown workflow names no target; the service then answers NOT_FOUND.
  return { type: "credential", ids: w ? [w.credentialId] : [] };
}

export const requestWorkflowOperation: TOperation<typeof ZRequestWorkflow, TRequested> = {
  name: "workflows.request",
  permission: "workflows.request",
  input: ZRequestWorkflow,
  resource: (input) => ({ type: "credential", ids: [input.credentialId] }),
  run: ({ tx, actor, input }) => requestWorkflow(tx, actor, input),
};

export const breakGlassOperation: TOperation<typeof ZBreakGlass, TRequested> = {
  name: "workflows.break_glass",
  permission: "workflows.break_glass",
  input: ZBreakGlass,
  resource: (input) => ({ type: "credential", ids: [input.credentialId] }),
  run: ({ tx, actor, input }) => requestWorkflow(tx, actor, { ...input, kind: "revocation", breakGlass: true }),
};

export const decideWorkflowOperation: TOperation<typeof ZDecideWorkflow, { id: string; state: string }> = {
  name: "workflows.decide",
  permission: "workflows.approve",
  input: ZDecideWorkflow,
  resource: (input, { tx }) => credentialOf(tx, input.workflowId),
  run: ({ tx, actor, input }) => decideWorkflow(tx, actor, input),
};

export const operateWorkflowOperation: TOperation<typeof ZOperateWorkflow, { id: string; state: string }> = {
  name: "workflows.operate",
  permission: "workflows.operate",
  input: ZOperateWorkflow,
  resource: (input, { tx }) => credentialOf(tx, input.workflowId),
  run: ({ tx, actor, input }) => operateWorkflow(tx, actor, input),
};

export const revealSecretOperation: TOperation<typeof ZWorkflowId, { secret: string; credentialName: string }> = {
  name: "workflows.reveal",
  permission: "workflows.reveal",
  input: ZWorkflowId,
  resource: (input, { tx }) => credentialOf(tx, input.workflowId),
  run: ({ tx, actor, input }) => revealSecret(tx, actor, input.workflowId),
};

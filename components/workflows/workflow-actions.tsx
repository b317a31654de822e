"use client";

import { Check, RotateCcw, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { Label } from "@/components/ui/label";
import { controlClassName } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { useServerAction } from "@/lib/client/use-server-action";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import { decideWorkflowAction, operateWorkflowAction } from "@/lib/workflows/actions";
import type { TOperateWorkflow } from "@/lib/workflows/schemas";
import { RevealSecretDialog } from "./reveal-secret-dialog";

export type TWorkflowControls = {
  workflowId: string;
  credentialName: string;
  decide: boolean;
  reveal: boolean;
  operate: TOperateWorkflow["action"][];
};

const OPERATE_LABELS: Record<TOperateWorkflow["action"], { label: string; confirm: string; danger?: boolean }> = {
  confirm_cutover: { label: "Confirm cut-over", confirm: "Every consumer now uses the new credential. The old one will be revoked at once." },
  confirm_replacement: { label: "Confirm replacement", confirm: "A replacement exists and its consumers use it. The old credential will be revoked at once." },
  retry: { label: "Retry the failed step", confirm: "The step runs again now, against the provider." },
  abandon: { label: "Abandon", confirm: "The workflow ends here. Whatever it already did at the provider stays done; the timeline says what that was.", danger: true },
};

function CommentField({ value, onChange, id }: { value: string; onChange: (v: string) => void; id: string }) {
  return (
    <div className="mt-4 flex flex-col gap-1.5">
      <Label htmlFor={id}>
        Comment <span className="font-normal text-muted-foreground">(optional, kept in the timeline)</span>
      </Label>
      <textarea id={id} rows={3} maxLength={1000} value={value} onChange={(e) => onChange(e.target.value)} className={cn(controlClassName, "h-auto py-2")} data-testid={id} />
    </div>
  );
}

function DecideButton({ workflowId, decision }: { workflowId: string; decision: "approve" | "reject" }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const { pending, error, run, clearError } = useServerAction(decideWorkflowAction, { invalidate: [credentialKeys.all] });
  const approve = decision === "approve";
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? null : clearError())}>
      <DialogTrigger asChild>
        <Button size="sm" variant={approve ? "primary" : "secondary"} data-testid={`workflow-${decision}`}>
          {approve ? <Check aria-hidden /> : <X aria-hidden />}
          {approve ? "Approve" : "Reject"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{approve ? "Approve this request?" : "Reject this request?"}</DialogTitle>
        <DialogDescription>{approve ? "Tokenward then acts at the provider, step by step; each step is in the timeline." : "Nothing happens at the provider; the requester is told."}</DialogDescription>
        <CommentField id={`workflow-${decision}-comment`} value={comment} onChange={setComment} />
        <DialogActions className="mt-5" label={approve ? "Approve" : "Reject"} pendingLabel="Saving…" pending={pending} variant={approve ? "primary" : "danger"} onClick={() => run({ workflowId, decision, comment: comment.trim() || undefined }, () => setOpen(false))} testId={`workflow-${decision}-confirm`} />
        <InlineError message={error?.message} className="mt-3" testId="workflow-decide-error" />
      </DialogContent>
    </Dialog>
  );
}

function OperateButton({ workflowId, action }: { workflowId: string; action: TOperateWorkflow["action"] }) {
  const [open, setOpen] = useState(false);
  const { pending, error, run, clearError } = useServerAction(operateWorkflowAction, { invalidate: [credentialKeys.all] });
  const spec = OPERATE_LABELS[action];
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? null : clearError())}>
      <DialogTrigger asChild>
        <Button size="sm" variant={spec.danger ? "danger-ghost" : "secondary"} data-testid={`workflow-${action}`}>
          {action === "retry" ? <RotateCcw aria-hidden /> : null}
          {spec.label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{spec.label}?</DialogTitle>
        <DialogDescription>{spec.confirm}</DialogDescription>
        <DialogActions className="mt-5" label={spec.label} pendingLabel="Saving…" pending={pending} variant={spec.danger ? "danger" : "primary"} onClick={() => run({ workflowId, action }, () => setOpen(false))} testId={`workflow-${action}-confirm`} />
        <InlineError message={error?.message} className="mt-3" testId="workflow-operate-error" />
      </DialogContent>
    </Dialog>
  );
}

/** What this viewer may do with the workflow now; the server checks every one of them again. */
export function WorkflowActions({ controls }: { controls: TWorkflowControls }) {
  const { workflowId, decide, reveal, operate } = controls;
  if (!decide && !reveal && operate.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="workflow-actions">
      {decide ? (
        <>
          <DecideButton workflowId={workflowId} decision="approve" />
          <DecideButton workflowId={workflowId} decision="reject" />
        </>
      ) : null}
      {reveal ? <RevealSecretDialog workflowId={workflowId} credentialName={controls.credentialName} /> : null}
      {operate.map((action) => (
        <OperateButton key={action} workflowId={workflowId} action={action} />
      ))}
    </div>
  );
}

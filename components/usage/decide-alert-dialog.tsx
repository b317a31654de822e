"use client";

import { BellOff, CheckCheck, RotateCcw } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { controlClassName } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import { decideAlertAction } from "@/lib/usage/actions";
import type { TUsageFactor } from "@/lib/usage/usage-factors";

type TDecision = "acknowledged" | "resolved" | "reopen";

const COPY: Record<TDecision, { button: string; title: string; explain: string; icon: typeof BellOff }> = {
  acknowledged: { button: "Acknowledge", title: "Acknowledge this finding", explain: "Known and accepted: it leaves the open list and does not alert again for this reason. Re-open it any time.", icon: BellOff },
  resolved: { button: "Resolve", title: "Mark this finding resolved", explain: "Fixed: it leaves the open list, and comes back if a later hop proves it again.", icon: CheckCheck },
  reopen: { button: "Re-open", title: "Re-open this finding", explain: "It returns to the open list.", icon: RotateCcw },
};

/** One decision on one usage finding, with the comment the audit trail keeps. */
export function DecideAlertDialog({ credentialId, credentialName, factor, factorLabel, decision }: { credentialId: string; credentialName: string; factor: TUsageFactor; factorLabel: string; decision: TDecision }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const { pending, error, run, clearError } = useServerAction(decideAlertAction, { invalidate: [credentialKeys.all] });
  const copy = COPY[decision];
  const Icon = copy.icon;
  const fieldErrors = error?.fieldErrors ?? {};
  const id = `alert-${decision}-${credentialId}-${factor}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setComment("");
          clearError();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" aria-label={`${copy.button}: ${factorLabel} on ${credentialName}`} data-testid={`alert-${decision}`}>
          <Icon aria-hidden />
          <span className="max-sm:sr-only">{copy.button}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{copy.title}</DialogTitle>
        <DialogDescription>
          {factorLabel} on “{credentialName}”. {copy.explain}
        </DialogDescription>
        <form
          className="mt-4 flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run({ credentialId, factor, decision, comment }, () => setOpen(false));
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-comment`}>Why</Label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              className={cn(controlClassName, "h-auto py-2")}
              aria-invalid={fieldErrors.comment ? true : undefined}
              aria-describedby={`${id}-comment-error`}
              data-testid="alert-decision-comment"
            />
            <FieldError id={`${id}-comment-error`} messages={fieldErrors.comment} />
          </div>
          <DialogActions label={copy.button} pendingLabel="Saving…" pending={pending} testId="alert-decision-submit" />
          <InlineError message={error && !Object.keys(fieldErrors).length ? error.message : null} testId="alert-decision-error" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

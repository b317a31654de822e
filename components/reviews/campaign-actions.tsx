"use client";

import { BellRing, Lock } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { closeCampaignAction, remindReviewersAction } from "@/lib/reviews/actions";

/** Security's moves on an open campaign: remind the pending reviewers, close it (the decisions take effect). */
export function CampaignActions({ campaignId, pending }: { campaignId: string; pending: number }) {
  const remind = useServerAction(remindReviewersAction);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="campaign-actions">
      <Button
        size="sm"
        variant="secondary"
        disabled={remind.pending || pending === 0}
        onClick={() => remind.run({ campaignId }, (d) => setNotice(d.recipients ? `Reminded ${d.recipients} reviewer${d.recipients === 1 ? "" : "s"}.` : "Nobody else has items pending."))}
        data-testid="campaign-remind"
      >
        <BellRing aria-hidden />
        {remind.pending ? "Reminding…" : "Remind reviewers"}
      </Button>
      <CloseDialog campaignId={campaignId} pending={pending} />
      <InlineError message={remind.error?.message} />
      {notice ? (
        <p role="status" className="text-ui text-success" data-testid="campaign-notice">
          {notice}
        </p>
      ) : null}
    </div>
  );
}

function CloseDialog({ campaignId, pending }: { campaignId: string; pending: number }) {
  const [open, setOpen] = useState(false);
  const { run, pending: saving, error, clearError } = useServerAction(closeCampaignAction);
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o ? null : clearError())}>
      <DialogTrigger asChild>
        <Button size="sm" data-testid="campaign-close">
          <Lock aria-hidden />
          Close campaign
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Close this campaign?</DialogTitle>
        <DialogDescription>
          Every rotate and revoke decision becomes a request in Workflows, approved by the credential&apos;s owners as usual. Decisions can no longer change.
          {pending > 0 ? ` ${pending} item${pending === 1 ? " is" : "s are"} still undecided and will be reported as not reviewed.` : ""}
        </DialogDescription>
        <DialogActions className="mt-5" label="Close campaign" pendingLabel="Closing…" pending={saving} onClick={() => run({ campaignId }, () => setOpen(false))} testId="campaign-close-confirm" />
        <InlineError message={error?.message} className="mt-3" testId="campaign-close-error" />
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";

/** Revocation is immediate and final, so it asks first and names the key by its prefix. */
export function RevokeApiKeyButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run, clearError } = useServerAction(revokeApiKeyAction);

  return (
    <Dialog
      open={confirming}
      onOpenChange={(open) => {
        setConfirming(open);
        if (!open) clearError();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="danger-ghost" disabled={pending} data-testid={`api-key-revoke-${prefix}`}>
          Revoke
        </Button>
      </DialogTrigger>
      {/* Inside a right-aligned, nowrap table cell: the dialog must not inherit either. */}
      <DialogContent className="text-left whitespace-normal">
        <DialogTitle>
          Revoke <span className="font-mono">{prefix}</span>?
        </DialogTitle>
        <DialogDescription>
          “{name}” stops working on its next request, and its inventory row is marked revoked. This cannot be undone: a
          machine that still needs access needs a new key. The revocation is recorded in the audit trail.
        </DialogDescription>
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => run({ id }, () => setConfirming(false))}
            data-testid={`api-key-revoke-confirm-${prefix}`}
          >
            {pending ? "Revoking…" : `Revoke ${prefix}`}
          </Button>
        </div>
        <InlineError message={error?.message} className="mt-3" testId="api-key-revoke-error" />
      </DialogContent>
    </Dialog>
  );
}

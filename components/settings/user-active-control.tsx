"use client";

import { useState } from "react";
import { setUserActive } from "@/lib/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";

/** Deactivation locks someone out, so it asks first; reactivation is harmless and immediate. */
export function UserActiveControl({ userId, email, name, active }: { userId: string; email: string; name: string; active: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useServerAction(setUserActive);

  return (
    <div className="flex flex-col items-end gap-1.5">
      {active ? (
        <Dialog open={confirming} onOpenChange={setConfirming}>
          <DialogTrigger asChild>
            <Button size="sm" variant="danger-ghost" disabled={pending} data-testid={`user-active-toggle-${email}`}>
              Deactivate
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogTitle>Deactivate {name}?</DialogTitle>
            <DialogDescription>
              {email} loses access on their next request and cannot sign in until an admin reactivates the account. The change
              is recorded in the audit trail.
            </DialogDescription>
            <DialogActions className="mt-5" label="Deactivate" pendingLabel="Deactivating…" pending={pending} variant="danger" onClick={() => run({ userId, active: false }, () => setConfirming(false))} testId={`user-deactivate-confirm-${email}`} />
            <InlineError message={confirming ? error?.message : null} className="mt-3" />
          </DialogContent>
        </Dialog>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => run({ userId, active: true })}
          data-testid={`user-active-toggle-${email}`}
        >
          {pending ? "Reactivating…" : "Reactivate"}
        </Button>
      )}
      <InlineError message={confirming ? null : error?.message} testId={`user-error-${email}`} />
    </div>
  );
}

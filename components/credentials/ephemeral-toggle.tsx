"use client";

import { Timer, TimerOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { setEphemeralAction } from "@/lib/credentials/actions";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";

/** Marks the credential ephemeral (from now) or standing again; the page re-renders with the stored state. */
export function EphemeralToggle({ credentialId, ephemeral }: { credentialId: string; ephemeral: boolean }) {
  const { pending, error, run } = useServerAction(setEphemeralAction, { invalidate: [credentialKeys.all] });
  return (
    <div className="flex flex-col gap-1.5">
      <div>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run({ credentialId, ephemeral: !ephemeral })} data-testid="credential-ephemeral-toggle">
          {ephemeral ? <TimerOff aria-hidden /> : <Timer aria-hidden />}
          {pending ? "Saving…" : ephemeral ? "Make it standing again" : "Mark ephemeral"}
        </Button>
      </div>
      <InlineError message={error?.message} testId="credential-ephemeral-error" />
    </div>
  );
}

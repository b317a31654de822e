"use client";

import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { resendAlertDeliveryAction } from "@/lib/alerts/actions";
import { useServerAction } from "@/lib/client/use-server-action";

/** A failed delivery back to the outbox (same idempotency key, a fresh attempt budget). */
export function ResendButton({ deliveryId }: { deliveryId: string }) {
  const resend = useServerAction(resendAlertDeliveryAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" disabled={resend.pending} onClick={() => resend.run({ deliveryId })} data-testid="alert-delivery-resend">
        {resend.pending ? "Queuing…" : "Re-send"}
      </Button>
      <InlineError message={resend.error?.message} />
    </div>
  );
}

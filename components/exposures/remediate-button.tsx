"use client";

import { CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { remediateExposureAction } from "@/lib/exposures/actions";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";

/** Closes one exposure (the secret was taken out of that place); the page re-renders with it remediated. */
export function RemediateButton({ exposureId, label }: { exposureId: string; label: string }) {
  const { pending, error, run } = useServerAction(remediateExposureAction, { invalidate: [credentialKeys.all] });
  return (
    <div className="flex flex-col items-start gap-1">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run({ exposureId })} aria-label={`Mark remediated: ${label}`} data-testid="exposure-remediate">
        <CheckCheck aria-hidden />
        {/* Phones: the icon alone (the accessible name stays the whole label). */}
        <span className="max-sm:sr-only">{pending ? "Saving…" : "Mark remediated"}</span>
      </Button>
      <InlineError message={error?.message} testId="exposure-remediate-error" />
    </div>
  );
}

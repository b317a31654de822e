"use client";

import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { verifyCredentialAction } from "@/lib/credentials/actions";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";

/** Asks the provider now; the page re-renders with the stored answer (and a status it changed). */
export function VerifyButton({ credentialId }: { credentialId: string }) {
  const { pending, error, run } = useServerAction(verifyCredentialAction, { invalidate: [credentialKeys.all] });
  return (
    <div className="flex flex-col gap-1.5">
      <div>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run({ credentialId })} data-testid="credential-verify">
          <ShieldCheck aria-hidden />
          {pending ? "Asking the provider…" : "Verify now"}
        </Button>
      </div>
      <InlineError message={error?.message} testId="credential-verify-error" />
    </div>
  );
}

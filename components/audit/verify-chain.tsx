"use client";

import { LoaderCircle, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { verifyAuditChainAction } from "@/lib/audit/actions";
import { auditKeys } from "@/lib/audit/hooks/query-keys";
import type { TChainVerification } from "@/lib/audit/services/verify-audit-chain";
import { useServerAction } from "@/lib/client/use-server-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { VerifyOutcome } from "@/components/audit/verify-outcome";

/**
 * Recomputes every hash and checks every checkpoint server-side. The verification is itself
 * recorded, so the table (server-rendered) and the signing status (auditKeys) refresh after it.
 */
export function VerifyChain() {
  const [result, setResult] = useState<TChainVerification | null>(null);
  const { run, pending, error } = useServerAction(verifyAuditChainAction, { invalidate: [auditKeys.all], onSuccess: (data) => setResult(data) });
  const state = error ? "failed" : result ? (result.ok ? "ok" : "failed") : "idle";

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button onClick={() => run({})} disabled={pending} data-testid="verify-chain">
          {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : <ShieldCheck aria-hidden />}
          {pending ? "Verifying…" : "Verify chain and signatures"}
        </Button>
      </div>
      <div aria-live="polite" data-testid="verify-result" data-state={state}>
        {error ? (
          <Alert tone="danger" title="Could not verify the chain">
            {error.message}
          </Alert>
        ) : result ? (
          <VerifyOutcome data={result} />
        ) : null}
      </div>
    </div>
  );
}

import { Link2 } from "lucide-react";
import type { TChainVerificationRun } from "@/lib/audit/queries";
import type { TAuditSigningStatus } from "@/lib/audit/signing-status";
import { LastVerification } from "@/components/audit/last-verification";
import { SigningStatus } from "@/components/audit/signing-status";
import { VerifyChain } from "@/components/audit/verify-chain";

/** Explains why the trail can be trusted, and lets those who answer for it prove it on demand. */
export function IntegrityPanel({ canVerify, signing, lastRun }: { canVerify: boolean; signing: TAuditSigningStatus; lastRun: TChainVerificationRun | null }) {
  return (
    <section aria-labelledby="integrity-heading" className="mb-6 flex gap-3 rounded-lg border border-border bg-surface p-4 shadow-xs sm:p-5">
      <Link2 aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
      <div className="min-w-0 flex-1">
        <h2 id="integrity-heading" className="text-sm font-semibold">
          {signing.mode === "signed" ? "Tamper-evident, signed chain" : "Tamper-evident chain (unsigned)"}
        </h2>
        <p className="mt-1 max-w-2xl text-ui text-muted-foreground">
          Every event&apos;s hash covers its content and the previous event&apos;s hash, so editing or deleting any record breaks
          every hash after it. Checkpoints sign the chain with a key kept outside the database, so even a re-hashed chain no
          longer verifies. Verification recomputes the whole chain on the server.
        </p>
        <div className="mt-4">
          <SigningStatus initial={signing} />
        </div>
        <div className="mt-4 border-t border-border pt-3">
          <LastVerification run={lastRun} />
        </div>
        {canVerify ? (
          <div className="mt-4">
            <VerifyChain />
          </div>
        ) : null}
      </div>
    </section>
  );
}

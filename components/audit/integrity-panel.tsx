import { Link2 } from "lucide-react";
import { VerifyChain } from "@/components/audit/verify-chain";

/** Explains why the trail can be trusted, and lets those who answer for it prove it on demand. */
export function IntegrityPanel({ canVerify }: { canVerify: boolean }) {
  return (
    <section aria-labelledby="integrity-heading" className="mb-6 flex gap-3 rounded-lg border border-border bg-surface p-4 shadow-xs sm:p-5">
      <Link2 aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
      <div className="min-w-0 flex-1">
        <h2 id="integrity-heading" className="text-sm font-semibold">
          Tamper-evident chain
        </h2>
        <p className="mt-1 max-w-2xl text-ui text-muted-foreground">
          Every event&apos;s hash covers its content and the previous event&apos;s hash, so editing or deleting any record breaks
          every hash after it. Verification recomputes the whole chain on the server.
        </p>
        {canVerify ? (
          <div className="mt-4">
            <VerifyChain />
          </div>
        ) : null}
      </div>
    </section>
  );
}

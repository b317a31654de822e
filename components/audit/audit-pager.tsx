import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Keyset paging: "Older" follows the cursor; "Newest" returns to the head (there is no page count). */
export function AuditPager({ cursor, nextCursor, firstSeq, lastSeq }: { cursor: string | null; nextCursor: string | null; firstSeq?: string; lastSeq?: string }) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label="Audit pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-ui text-muted-foreground tabular-nums">
        {firstSeq && lastSeq ? `Events #${firstSeq} to #${lastSeq}` : null}
      </p>
      <div className="flex items-center gap-2">
        {cursor ? (
          <Button asChild variant="secondary" size="sm">
            <Link href="/audit">
              <ArrowLeft aria-hidden />
              Newest
            </Link>
          </Button>
        ) : null}
        {nextCursor ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={`/audit?cursor=${encodeURIComponent(nextCursor)}`} data-testid="audit-older">
              Older
              <ArrowRight aria-hidden />
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}

import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * Keyset paging: "Older" follows the cursor with the same filters; "Newest" returns to the first page
 * of those filters (there is no page count: counting a million filtered rows is the slow part).
 */
export function AuditPager({ filters, cursor, nextCursor }: { filters: Record<string, string>; cursor: string | null; nextCursor: string | null }) {
  if (!cursor && !nextCursor) return null;
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...filters, ...extra }).toString();
    return qs ? `/audit?${qs}` : "/audit";
  };
  return (
    <nav aria-label="Audit pages" className="mt-4 flex flex-wrap items-center justify-end gap-2">
      {cursor ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={href({})} data-testid="audit-newest">
            <ArrowLeft aria-hidden />
            Newest
          </Link>
        </Button>
      ) : null}
      {nextCursor ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={href({ cursor: nextCursor })} data-testid="audit-older">
            Older
            <ArrowRight aria-hidden />
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}

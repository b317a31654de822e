"use client";

import { ArrowLeft, ArrowRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Keyset paging: first, previous and next (there is no "page 7 of 40" at a million rows). */
export function Pager({
  firstPage,
  prevCursor,
  nextCursor,
  onFirst,
  onPage,
}: {
  firstPage: boolean;
  prevCursor: string | null;
  nextCursor: string | null;
  onFirst: () => void;
  onPage: (cursor: { after?: string; before?: string }) => void;
}) {
  if (!prevCursor && !nextCursor && firstPage) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2">
      <Button size="sm" variant="ghost" disabled={firstPage} onClick={onFirst} data-testid="page-first">
        First page
      </Button>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={!prevCursor} onClick={() => onPage({ before: prevCursor ?? undefined })} data-testid="page-prev">
          <ArrowLeft aria-hidden />
          Previous
        </Button>
        <Button size="sm" variant="secondary" disabled={!nextCursor} onClick={() => onPage({ after: nextCursor ?? undefined })} data-testid="page-next">
          Next
          <ArrowRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}

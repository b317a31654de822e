"use client";

import { SlidersHorizontal } from "lucide-react";
import { Suspense, lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { TCredentialFilter } from "@/lib/inventory/query-params";
import type { TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";

// The form (fields, draft state, validation) is most of this dialog's code and only needed once it is
// opened: loading it then keeps it out of the inventory's first-load JS. (React.lazy, not next/dynamic:
// the latter's loader would be one more copy in the page's chunks.)
const MoreFiltersForm = lazy(() => import("@/components/inventory/more-filters-form").then((m) => ({ default: m.MoreFiltersForm })));

export function MoreFiltersDialog(props: {
  filter: TCredentialFilter;
  options: TFilterOptions;
  frameworks: TFrameworkOption[];
  activeCount: number;
  onApply: (next: TCredentialFilter) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="more-filters">
          <SlidersHorizontal aria-hidden />
          More filters
          {props.activeCount > 0 ? <span className="rounded bg-primary px-1 text-[11px] leading-4 text-primary-foreground tabular-nums">{props.activeCount}</span> : null}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-2xl overflow-y-auto">
        <DialogTitle>More filters</DialogTitle>
        <DialogDescription>Combine any of these with the search and the quick filters. The URL keeps them, so you can share the view.</DialogDescription>
        {open ? (
          <Suspense fallback={<Skeleton className="mt-4 h-96" />}>
            <MoreFiltersForm
              {...props}
              onApply={(next) => {
                props.onApply(next);
                setOpen(false);
              }}
            />
          </Suspense>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

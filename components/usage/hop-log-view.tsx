"use client";

import { LoaderCircle, Route } from "lucide-react";
import Link from "next/link";
import { Pager } from "@/components/inventory/pager";
import { HopLogFilters } from "@/components/usage/hop-log-filters";
import { HopLogTable } from "@/components/usage/hop-log-table";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { describeHopIssues, type THopPage } from "@/lib/usage/hop-log-params";
import { useHopPage } from "@/lib/usage/hooks/use-hops";
import { useUsageUrl } from "@/lib/usage/hooks/use-usage-url";

/**
 * The hop-log explorer, client side: URL state, the filter form, the table and the keyset pager.
 * Data comes from GET /api/v1/usage/events through TanStack Query; the server's first page seeds it.
 */
export function HopLogView({ initial, credentialLabel, ownedOnly }: { initial: { queryString: string; page: THopPage } | null; credentialLabel: string | null; ownedOnly: boolean }) {
  const url = useUsageUrl();
  const queryString = url.ok ? url.queryString : "";
  const pageQuery = useHopPage(queryString, initial && initial.queryString === queryString ? initial.page : undefined, url.ok);

  if (!url.ok) {
    return (
      <Alert tone="danger" title="This hop log link has a filter Tokenward does not understand" data-testid="hop-invalid">
        <p>{describeHopIssues(url.issues)}</p>
        <Link href="/usage" className="mt-2 inline-block font-medium text-primary hover:underline">
          Clear the filters
        </Link>
      </Alert>
    );
  }
  const { filter, firstPage } = url;
  const page = pageQuery.data;
  const items = page?.items ?? [];
  const filtered = Object.keys(filter).length > 0;
  const label = credentialLabel ?? items.find((i) => i.credential?.id === filter.credential)?.credential?.name ?? null;

  return (
    <div className="flex flex-col gap-3" data-testid="hop-log">
      <HopLogFilters filter={filter} credentialLabel={label} onFilter={url.setFilter} />
      <p className="flex min-h-6 items-center text-ui text-muted-foreground" aria-live="polite" data-testid="hop-status">
        {page ? `${items.length === 0 ? "No" : items.length} hop${items.length === 1 ? "" : "s"} on this page${page.nextCursor ? ", more on the next" : ""}, newest first.` : "Loading hops…"}
        {ownedOnly ? " Hops of the credentials you and your teams own." : ""}
        {pageQuery.isFetching ? <LoaderCircle aria-label="Loading" className="ml-2 inline size-3.5 animate-spin" /> : null}
      </p>
      {pageQuery.isError ? (
        <Alert tone="danger" title="The hop log could not be loaded" data-testid="hop-error">
          <p>{pageQuery.error.message}</p>
          <Link href="/usage" className="mt-2 inline-block font-medium text-primary hover:underline">
            Start again from the newest hop
          </Link>
        </Alert>
      ) : !page ? (
        <Skeleton className="h-96" />
      ) : items.length === 0 ? (
        <EmptyState
          icon={Route}
          title={filtered ? "No hops match these filters" : "No hops recorded yet"}
          description={
            filtered
              ? "Filters match exact values: check the spelling, widen the time range, or clear them."
              : "Hops appear when gateways and MCP servers send them to POST /api/v1/usage or OTLP traces to /api/v1/otlp/v1/traces (an API key with usage:write)."
          }
        />
      ) : (
        <div className={cn("transition-opacity", pageQuery.isPlaceholderData && "opacity-60")}>
          <HopLogTable items={items} onFilter={(patch) => url.setFilter({ ...filter, ...patch })} />
        </div>
      )}
      {page ? <Pager firstPage={firstPage} prevCursor={page.prevCursor} nextCursor={page.nextCursor} onFirst={() => url.goTo({})} onPage={url.goTo} /> : null}
    </div>
  );
}

"use client";

import { KeyRound, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { CredentialTable } from "@/components/inventory/credential-table";
import { FilterBar } from "@/components/inventory/filter-bar";
import { describeFilter } from "@/components/inventory/filter-model";
import { formatCount } from "@/components/inventory/format";
import { Pager } from "@/components/inventory/pager";
import { SelectionBar, type TInventoryPermissions, type TSelected } from "@/components/inventory/selection-bar";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { COLUMN_IDS, type TColumnId } from "@/lib/inventory/columns";
import { useCredentialCount, useCredentialPage } from "@/lib/inventory/hooks/use-credentials";
import { useInventoryUrl } from "@/lib/inventory/hooks/use-inventory-url";
import { describeIssues, listQueryToSearchParams, type TCredentialFilter } from "@/lib/inventory/query-params";
import { InventoryExportMenu } from "@/components/reports/export-menu";
import type { TCredentialCount, TCredentialPage, TEntityLabels, TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";

export type { TInventoryPermissions } from "@/components/inventory/selection-bar";

/**
 * The credential inventory, client side: URL state (useInventoryUrl), the filter bar, the selection
 * bar, the table and the pager. Data comes from the inventory API through TanStack Query; the server
 * component's first page seeds the cache.
 */
export function InventoryView({
  basePath,
  lockedFilter,
  initial,
  options,
  frameworks,
  labels,
  initialColumns,
  permissions,
  serverNow,
  emptyHint,
}: {
  basePath: string;
  lockedFilter?: TCredentialFilter;
  initial: { queryString: string; page: TCredentialPage } | null;
  options: TFilterOptions;
  frameworks: TFrameworkOption[];
  labels: TEntityLabels;
  initialColumns: TColumnId[];
  permissions: TInventoryPermissions;
  serverNow: number;
  emptyHint?: ReactNode;
}) {
  const url = useInventoryUrl(basePath, lockedFilter);
  const apiQueryString = url.ok ? url.apiQueryString : "";
  const pageQuery = useCredentialPage(apiQueryString, initial && initial.queryString === apiQueryString ? initial.page : undefined, url.ok);
  const countQuery = useCredentialCount(url.ok ? url.countQueryString : "", url.ok);

  const [columns, setColumns] = useState<TColumnId[]>(initialColumns);
  const [selected, setSelected] = useState<TSelected>(() => new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  if (!url.ok) {
    return (
      <Alert tone="danger" title="This inventory link has a filter Tokenward does not understand" data-testid="inventory-invalid">
        <p>{describeIssues(url.issues)}</p>
        <Link href={basePath} className="mt-2 inline-block font-medium text-primary hover:underline">
          Clear the filters
        </Link>
      </Alert>
    );
  }

  const { query, filter, locked, firstPage } = url;
  const chips = describeFilter(filter, options, labels).filter((c) => !(c.key in locked));
  const page = pageQuery.data;
  const items = page?.items ?? [];
  // A locked owner (my credentials) makes the owner column say the same thing on every row.
  const hidden = new Set<TColumnId>(locked.owner ? ["owner"] : []);
  const visible = COLUMN_IDS.filter((id) => columns.includes(id) && !hidden.has(id));
  // A first page without a next page is the whole result: count it exactly, whatever the estimate says.
  const count: TCredentialCount | undefined =
    page && firstPage && !page.nextCursor && !pageQuery.isPlaceholderData ? { value: items.length, precision: "exact" } : countQuery.data;
  const done = (verb: string) => (changed: number) => {
    setSelected(new Map());
    setNotice(`${verb} ${changed} credential${changed === 1 ? "" : "s"}.`);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="inventory">
      <FilterBar filter={filter} chips={chips} options={options} frameworks={frameworks} columns={columns} hidden={hidden} onFilter={url.setFilter} onColumns={setColumns} />

      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <p className="text-ui text-muted-foreground" aria-live="polite" data-testid="inventory-count">
          {count ? (
            <>
              <span className="font-medium text-foreground tabular-nums">{formatCount(count)}</span> {count.value === 1 && count.precision === "exact" ? "credential" : "credentials"}
              {count.precision === "estimate" ? <span title="The database planner's estimate: exact counts are shown up to 10,000."> (estimate)</span> : null}
            </>
          ) : countQuery.isError ? (
            "Count unavailable"
          ) : (
            <span aria-hidden className="inline-block h-4 w-28 animate-pulse rounded-md bg-accent align-middle" />
          )}
          {pageQuery.isFetching ? <LoaderCircle aria-label="Loading" className="ml-2 inline size-3.5 animate-spin align-[-2px]" /> : null}
        </p>
        {selected.size > 0 ? (
          <SelectionBar
            selected={selected}
            options={options}
            permissions={permissions}
            matching={{ filterString: url.countQueryString, count, pageSize: items.length }}
            onDone={done}
            onClear={() => setSelected(new Map())}
          />
        ) : notice ? (
          <p role="status" className="text-ui text-success" data-testid="inventory-notice">
            {notice}
          </p>
        ) : permissions.exportReports ? (
          <InventoryExportMenu filters={listQueryToSearchParams({ ...filter, sort: query.sort, dir: query.dir }).toString()} />
        ) : null}
      </div>

      {pageQuery.isError ? (
        <Alert tone="danger" title="The inventory could not be loaded" data-testid="inventory-error">
          <p>{pageQuery.error.message}</p>
          <Link href={basePath} className="mt-2 inline-block font-medium text-primary hover:underline">
            Start again from the first page
          </Link>
        </Alert>
      ) : !page ? (
        <Skeleton className="h-96" />
      ) : items.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title={chips.length > 0 ? "No credentials match these filters" : "No credentials here yet"}
          description={chips.length > 0 ? "Loosen a filter, or clear them all." : (emptyHint ?? "Credentials appear as providers are synced and secrets are scanned.")}
        />
      ) : (
        <div className={cn("transition-opacity", pageQuery.isPlaceholderData && "opacity-60")}>
          <CredentialTable items={items} columns={visible} query={query} selected={selected} busy={pageQuery.isFetching} now={now} onSort={url.setSort} onSelect={setSelected} />
        </div>
      )}

      {page ? <Pager firstPage={firstPage} prevCursor={page.prevCursor} nextCursor={page.nextCursor} onFirst={() => url.goTo({})} onPage={url.goTo} /> : null}
    </div>
  );
}

"use client";

import { ArrowDown, ArrowLeft, ArrowRight, ArrowUp, ArrowUpDown, Columns3, KeyRound, LoaderCircle, Search, X } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CheckMenu } from "@/components/inventory/check-menu";
import { COLUMNS, isOrphaned } from "@/components/inventory/columns";
import { COLUMN_IDS, COLUMNS_COOKIE, type TColumnId } from "@/lib/inventory/columns";
import { describeFilter, withoutKey } from "@/components/inventory/filter-model";
import { formatCount, formatNumber } from "@/components/inventory/format";
import { MoreFiltersDialog } from "@/components/inventory/more-filters-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useCredentialCount, useCredentialPage } from "@/lib/inventory/hooks/use-credentials";
import {
  DEFAULT_DIR,
  describeIssues,
  filterOf,
  filterToSearchParams,
  listQueryToSearchParams,
  parseListSearchParams,
  type TCredentialFilter,
  type TCredentialListQuery,
  type TSortKey,
} from "@/lib/inventory/query-params";
import type { TCredentialPage, TEntityLabels, TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";
import {
  CREDENTIAL_KINDS,
  CREDENTIAL_STATUSES,
  ENVIRONMENT_LABELS,
  ENVIRONMENTS,
  KIND_LABELS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  STATUS_LABELS,
} from "@/lib/inventory/vocabulary";

/**
 * The credential inventory, client side. The URL is the state: filters, sort and the keyset cursor
 * live in the query string (shareable; back and forward work), written with history.pushState so
 * Next keeps useSearchParams in step without a server round trip. Data comes from the inventory API
 * through TanStack Query; the server component's first page seeds the cache.
 */

// Ownership controls appear only once rows are selected: load them then, not with the page. React.lazy
// rather than next/dynamic, whose loader would be one more copy in this page's chunks.
const AssignOwnerDialog = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.AssignOwnerDialog })));
const ClaimButton = lazy(() => import("@/components/inventory/ownership-controls").then((m) => ({ default: m.ClaimButton })));

export type TInventoryPermissions = { assign: boolean; claim: boolean };

type TSelected = Map<string, { name: string; orphaned: boolean }>;

const QUICK_FILTER_KEYS = ["q", "status", "provider", "kind", "env", "risk"] as const;

function writeColumnsCookie(columns: TColumnId[]) {
  document.cookie = `${COLUMNS_COOKIE}=${columns.join(".")}; path=/; max-age=31536000; samesite=lax`;
}

function SortHeader({ column, query, onSort }: { column: TColumnId; query: TCredentialListQuery; onSort: (key: TSortKey) => void }) {
  const spec = COLUMNS[column];
  const active = query.sort === spec.sort;
  const Icon = !active ? ArrowUpDown : query.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TH aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={spec.headClassName}>
      <button
        type="button"
        onClick={() => onSort(spec.sort)}
        className={cn("-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-accent hover:text-foreground", active && "text-foreground")}
        data-testid={`sort-${column}`}
      >
        {spec.label}
        <Icon aria-hidden className={cn("size-3.5", !active && "opacity-40")} />
        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sortable"}</span>
      </button>
    </TH>
  );
}

function SearchBox({ value, onCommit }: { value: string; onCommit: (text: string, first: boolean) => void }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Back/forward changes the URL under us: follow it (state derived during render, not in an effect).
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const commit = (next: string, immediate = false) => {
    if (timer.current) clearTimeout(timer.current);
    const run = () => {
      // The first commit of a typing burst adds a history entry, the rest replace it.
      onCommit(next, !typing.current);
      typing.current = true;
    };
    if (immediate) run();
    else timer.current = setTimeout(run, 350);
  };
  return (
    <div className="relative min-w-0 flex-1 basis-64">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search credentials by name, external id or last 4 characters"
        placeholder="Search name, external id, last 4…"
        className="h-8 pl-8 text-ui"
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(text, true);
        }}
        onBlur={() => {
          typing.current = false;
        }}
        data-testid="inventory-search"
      />
    </div>
  );
}

function Chip({ label, value, onRemove, testId }: { label: string; value: string; onRemove: () => void; testId: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-md border border-border bg-surface py-0.5 pr-0.5 pl-2 text-xs shadow-xs" data-testid={testId}>
      <span className="text-muted-foreground">{label}:</span>
      <span className="truncate font-medium">{value}</span>
      <button type="button" onClick={onRemove} className="rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground" aria-label={`Remove filter ${label}: ${value}`}>
        <X aria-hidden className="size-3" />
      </button>
    </span>
  );
}

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
  const searchParams = useSearchParams();
  const parsed = useMemo(() => parseListSearchParams(searchParams), [searchParams]);
  const query = parsed.success ? parsed.data : null;
  const locked = useMemo(() => lockedFilter ?? {}, [lockedFilter]);

  const apiQueryString = query ? listQueryToSearchParams({ ...query, ...locked }).toString() : "";
  const countQueryString = query ? filterToSearchParams({ ...filterOf(query), ...locked }).toString() : "";
  const pageQuery = useCredentialPage(apiQueryString, initial && initial.queryString === apiQueryString ? initial.page : undefined, query !== null);
  const countQuery = useCredentialCount(countQueryString, query !== null);

  const [columns, setColumns] = useState<TColumnId[]>(initialColumns);
  const [selected, setSelected] = useState<TSelected>(() => new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const navigate = useCallback(
    (next: Partial<TCredentialListQuery>, mode: "push" | "replace" = "push") => {
      // Locked filters (e.g. "my credentials") are applied by the page, never written to the URL.
      const own = { ...next };
      for (const key of Object.keys(locked) as (keyof TCredentialFilter)[]) delete own[key];
      const qs = listQueryToSearchParams(own).toString();
      const url = qs ? `${basePath}?${qs}` : basePath;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [basePath, locked],
  );

  if (!query) {
    const message = parsed.success ? "" : describeIssues(parsed.error.issues);
    return (
      <Alert tone="danger" title="This inventory link has a filter Tokenward does not understand" data-testid="inventory-invalid">
        <p>{message}</p>
        <Link href={basePath} className="mt-2 inline-block font-medium text-primary hover:underline">
          Clear the filters
        </Link>
      </Alert>
    );
  }

  const filter = filterOf(query);
  const keep = { sort: query.sort, dir: query.dir, limit: query.limit };
  const setFilter = (nextFilter: TCredentialFilter, mode: "push" | "replace" = "push") => navigate({ ...nextFilter, ...keep }, mode);
  const setSort = (key: TSortKey) =>
    navigate({ ...filter, sort: key, dir: key === query.sort ? (query.dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[key], limit: query.limit });

  const chips = describeFilter(filter, options, labels).filter((c) => !(c.key in locked));
  const moreCount = chips.filter((c) => !(QUICK_FILTER_KEYS as readonly string[]).includes(c.key)).length;
  const page = pageQuery.data;
  const items = page?.items ?? [];
  // A locked owner (my credentials) makes the owner column say the same thing on every row.
  const hidden = new Set<TColumnId>(locked.owner ? ["owner"] : []);
  const visible = COLUMN_IDS.filter((id) => columns.includes(id) && !hidden.has(id));
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const selectedIds = [...selected.keys()];
  const selectedOrphans = [...selected.values()].every((s) => s.orphaned);
  const firstPage = !query.after && !query.before;
  // A first page without a next page is the whole result: count it exactly, whatever the estimate says.
  const count = page && firstPage && !page.nextCursor && !pageQuery.isPlaceholderData ? { value: items.length, precision: "exact" as const } : countQuery.data;

  const toggle = (id: string, name: string, orphaned: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, { name, orphaned });
      return next;
    });
  const togglePage = () =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (allOnPage) for (const i of items) next.delete(i.id);
      else for (const i of items) next.set(i.id, { name: i.name, orphaned: isOrphaned(i) });
      return next;
    });
  const done = (verb: string) => (changed: number) => {
    setSelected(new Map());
    setNotice(`${verb} ${changed} credential${changed === 1 ? "" : "s"}.`);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="inventory">
      <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter credentials">
        <SearchBox value={filter.q ?? ""} onCommit={(text, first) => setFilter({ ...filter, q: text.trim() || undefined }, first ? "push" : "replace")} />
        <CheckMenu
          label="Status"
          title="Status"
          testId="filter-status"
          options={CREDENTIAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          selected={filter.status ?? []}
          onChange={(v) => setFilter({ ...filter, status: v.length ? (v as typeof filter.status) : undefined })}
        />
        <CheckMenu
          label="Provider"
          title="Provider"
          testId="filter-provider"
          options={options.providers.map((p) => ({ value: p.id, label: p.name }))}
          selected={filter.provider ?? []}
          onChange={(v) => setFilter({ ...filter, provider: v.length ? v : undefined })}
        />
        <CheckMenu
          label="Kind"
          title="Credential kind"
          testId="filter-kind"
          options={CREDENTIAL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          selected={filter.kind ?? []}
          onChange={(v) => setFilter({ ...filter, kind: v.length ? (v as typeof filter.kind) : undefined })}
        />
        <CheckMenu
          label="Env"
          title="Environment"
          testId="filter-env"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
          selected={filter.env ?? []}
          onChange={(v) => setFilter({ ...filter, env: v.length ? (v as typeof filter.env) : undefined })}
        />
        <CheckMenu
          label="Risk"
          title="Risk level"
          testId="filter-risk"
          options={[...RISK_LEVELS].reverse().map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))}
          selected={filter.risk ?? []}
          onChange={(v) => setFilter({ ...filter, risk: v.length ? (v as typeof filter.risk) : undefined })}
        />
        <MoreFiltersDialog filter={filter} options={options} frameworks={frameworks} activeCount={moreCount} onApply={(next) => setFilter(next)} />
        <CheckMenu
          label="Columns"
          title="Show columns"
          testId="column-chooser"
          align="end"
          showCount={false}
          icon={<Columns3 aria-hidden />}
          options={COLUMN_IDS.filter((id) => id !== "name" && !hidden.has(id)).map((id) => ({ value: id, label: COLUMNS[id].label }))}
          selected={columns.filter((c) => c !== "name")}
          onChange={(v) => {
            const next = ["name", ...v] as TColumnId[];
            setColumns(next);
            writeColumnsCookie(next);
          }}
        />
      </div>

      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" data-testid="filter-chips">
          {chips.map((chip) => (
            <Chip key={chip.key} label={chip.label} value={chip.value} testId={`chip-${chip.key}`} onRemove={() => setFilter(withoutKey(filter, chip.key))} />
          ))}
          <Button variant="link" size="sm" className="ml-1 text-xs" onClick={() => setFilter({})} data-testid="clear-filters">
            Clear all
          </Button>
        </div>
      ) : null}

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
          <div className="flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary-subtle px-2 py-1" data-testid="selection-bar">
            <span className="text-ui font-medium text-primary-subtle-foreground tabular-nums">{formatNumber(selected.size)} selected</span>
            <Suspense fallback={null}>
              {permissions.assign ? <AssignOwnerDialog credentialIds={selectedIds} options={options} onDone={done("Updated")} trigger="compact" /> : null}
              {permissions.claim && selectedOrphans ? <ClaimButton credentialIds={selectedIds} onDone={done("Claimed")} /> : null}
            </Suspense>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Map())} data-testid="clear-selection">
              Clear
            </Button>
          </div>
        ) : notice ? (
          <p role="status" className="text-ui text-success" data-testid="inventory-notice">
            {notice}
          </p>
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
          <Table label="Credentials" data-testid="credential-table" aria-busy={pageQuery.isFetching}>
            <THead>
              <tr>
                <TH className="w-8">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary align-middle"
                    aria-label="Select every credential on this page"
                    checked={allOnPage}
                    onChange={togglePage}
                    data-testid="select-page"
                  />
                </TH>
                {visible.map((id) => (
                  <SortHeader key={id} column={id} query={query} onSort={setSort} />
                ))}
              </tr>
            </THead>
            <TBody>
              {items.map((item) => (
                <TR key={item.id} data-testid="credential-row" data-credential-id={item.id} className={cn(selected.has(item.id) && "bg-primary-subtle/50")}>
                  <TD className="w-8">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-primary"
                      aria-label={`Select ${item.name}`}
                      checked={selected.has(item.id)}
                      onChange={() => toggle(item.id, item.name, isOrphaned(item))}
                      data-testid="select-row"
                    />
                  </TD>
                  {visible.map((id) => (
                    <TD key={id} className={COLUMNS[id].cellClassName}>
                      {COLUMNS[id].render(item, { now })}
                    </TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}

      {page && (page.prevCursor || page.nextCursor || !firstPage) ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2">
          <Button
            size="sm"
            variant="ghost"
            disabled={firstPage}
            onClick={() => navigate({ ...filter, ...keep })}
            data-testid="page-first"
          >
            First page
          </Button>
          <div className="flex items-center gap-2">
            <Button size="sm" variant="secondary" disabled={!page.prevCursor} onClick={() => navigate({ ...filter, ...keep, before: page.prevCursor ?? undefined })} data-testid="page-prev">
              <ArrowLeft aria-hidden />
              Previous
            </Button>
            <Button size="sm" variant="secondary" disabled={!page.nextCursor} onClick={() => navigate({ ...filter, ...keep, after: page.nextCursor ?? undefined })} data-testid="page-next">
              Next
              <ArrowRight aria-hidden />
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

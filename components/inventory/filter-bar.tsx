"use client";

import { Columns3, X } from "lucide-react";
import { CheckMenu } from "@/components/inventory/check-menu";
import { COLUMNS } from "@/components/inventory/columns";
import { withoutKey, type TFilterChip } from "@/components/inventory/filter-model";
import { MoreFiltersDialog } from "@/components/inventory/more-filters-dialog";
import { SearchBox } from "@/components/inventory/search-box";
import { Button } from "@/components/ui/button";
import { COLUMN_IDS, COLUMNS_COOKIE, type TColumnId } from "@/lib/inventory/columns";
import type { TCredentialFilter } from "@/lib/inventory/query-params";
import type { TFilterOptions, TFrameworkOption } from "@/lib/inventory/types";
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

type TListKey = "status" | "provider" | "kind" | "env" | "risk";

/** The quick filters beside the search box, one line each; everything else is under "More filters". */
const QUICK_FILTERS: { key: TListKey; label: string; title: string; options: (o: TFilterOptions) => { value: string; label: string }[] }[] = [
  { key: "status", label: "Status", title: "Status", options: () => CREDENTIAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
  { key: "provider", label: "Provider", title: "Provider", options: (o) => o.providers.map((p) => ({ value: p.id, label: p.name })) },
  { key: "kind", label: "Kind", title: "Credential kind", options: () => CREDENTIAL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })) },
  { key: "env", label: "Env", title: "Environment", options: () => ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] })) },
  { key: "risk", label: "Risk", title: "Risk level", options: () => [...RISK_LEVELS].reverse().map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] })) },
];
const QUICK_KEYS: readonly string[] = ["q", ...QUICK_FILTERS.map((f) => f.key)];

function writeColumnsCookie(columns: TColumnId[]) {
  document.cookie = `${COLUMNS_COOKIE}=${columns.join(".")}; path=/; max-age=31536000; samesite=lax`;
}

export function FilterBar({
  filter,
  chips,
  options,
  frameworks,
  columns,
  hidden,
  onFilter,
  onColumns,
}: {
  filter: TCredentialFilter;
  /** The filter's chips, without those of the page's locked filter. */
  chips: TFilterChip[];
  options: TFilterOptions;
  frameworks: TFrameworkOption[];
  columns: TColumnId[];
  hidden: Set<TColumnId>;
  onFilter: (next: TCredentialFilter, mode?: "push" | "replace") => void;
  onColumns: (next: TColumnId[]) => void;
}) {
  const moreCount = chips.filter((c) => !QUICK_KEYS.includes(c.key)).length;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter credentials">
        <SearchBox value={filter.q ?? ""} onCommit={(text, first) => onFilter({ ...filter, q: text.trim() || undefined }, first ? "push" : "replace")} />
        {QUICK_FILTERS.map((f) => (
          <CheckMenu
            key={f.key}
            label={f.label}
            title={f.title}
            testId={`filter-${f.key}`}
            options={f.options(options)}
            selected={(filter[f.key] as string[] | undefined) ?? []}
            onChange={(v) => onFilter({ ...filter, [f.key]: v.length ? v : undefined })}
          />
        ))}
        <MoreFiltersDialog filter={filter} options={options} frameworks={frameworks} activeCount={moreCount} onApply={(next) => onFilter(next)} />
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
            onColumns(next);
            writeColumnsCookie(next);
          }}
        />
      </div>

      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" data-testid="filter-chips">
          {chips.map((chip) => (
            <span key={chip.key} className="inline-flex max-w-full items-center gap-1 rounded-md border border-border bg-surface py-0.5 pr-0.5 pl-2 text-xs shadow-xs" data-testid={`chip-${chip.key}`}>
              <span className="text-muted-foreground">{chip.label}:</span>
              <span className="truncate font-medium">{chip.value}</span>
              <button
                type="button"
                onClick={() => onFilter(withoutKey(filter, chip.key))}
                className="rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground"
                aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              >
                <X aria-hidden className="size-3" />
              </button>
            </span>
          ))}
          <Button variant="link" size="sm" className="ml-1 text-xs" onClick={() => onFilter({})} data-testid="clear-filters">
            Clear all
          </Button>
        </div>
      ) : null}
    </>
  );
}

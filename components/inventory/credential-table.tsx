"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { COLUMNS, isOrphaned } from "@/components/inventory/columns";
import type { TSelected } from "@/components/inventory/selection-bar";
import { cn } from "@/components/ui/cn";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TColumnId } from "@/lib/inventory/columns";
import type { TCredentialListQuery, TSortKey } from "@/lib/inventory/query-params";
import type { TCredentialListItem } from "@/lib/inventory/types";

function selectedEntry(item: TCredentialListItem) {
  return { name: item.name, orphaned: isOrphaned(item), ownerId: item.owner?.id ?? null, teamId: item.team?.id ?? null };
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

/** One page of credentials with sortable headers and row selection. */
export function CredentialTable({
  items,
  columns,
  query,
  selected,
  busy,
  now,
  onSort,
  onSelect,
}: {
  items: TCredentialListItem[];
  columns: TColumnId[];
  query: TCredentialListQuery;
  selected: TSelected;
  busy: boolean;
  now: number;
  onSort: (key: TSortKey) => void;
  onSelect: (next: TSelected) => void;
}) {
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const toggle = (item: TCredentialListItem) => {
    const next = new Map(selected);
    if (next.has(item.id)) next.delete(item.id);
    else next.set(item.id, selectedEntry(item));
    onSelect(next);
  };
  const togglePage = () => {
    const next = new Map(selected);
    if (allOnPage) for (const i of items) next.delete(i.id);
    else for (const i of items) next.set(i.id, selectedEntry(i));
    onSelect(next);
  };
  return (
    <Table label="Credentials" data-testid="credential-table" aria-busy={busy}>
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
          {columns.map((id) => (
            <SortHeader key={id} column={id} query={query} onSort={onSort} />
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
                onChange={() => toggle(item)}
                data-testid="select-row"
              />
            </TD>
            {columns.map((id) => (
              <TD key={id} className={COLUMNS[id].cellClassName}>
                {COLUMNS[id].render(item, { now })}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

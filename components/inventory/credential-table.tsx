"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { COLUMNS } from "@/components/inventory/columns";
import type { TSelected } from "@/components/inventory/selection-bar";
import { cn } from "@/components/ui/cn";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TColumnId } from "@/lib/inventory/columns";
import { isClaimable } from "@/lib/inventory/orphaned";
import type { TCredentialListQuery, TSortKey } from "@/lib/inventory/query-params";
import type { TCredentialListItem } from "@/lib/inventory/types";

function selectedEntry(item: TCredentialListItem) {
  return { name: item.name, claimable: isClaimable(item), ownerId: item.owner?.id ?? null, teamId: item.team?.id ?? null };
}

function SortHeader({ column, query, onSort }: { column: TColumnId; query: TCredentialListQuery; onSort: (key: TSortKey) => void }) {
  const spec = COLUMNS[column];
  const sort = spec.sort;
  if (!sort) return <TH className={spec.headClassName}>{spec.label}</TH>;
  const active = query.sort === sort;
  const Icon = !active ? ArrowUpDown : query.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TH aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={spec.headClassName}>
      <button
        type="button"
        onClick={() => onSort(sort)}
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

/**
 * Under 640 px the table becomes card rows (CSS only, same DOM): the name first, then what a
 * phone must never lose — risk, status, owner — each with its label, even if the column is hidden
 * on wider screens. The other visible columns follow. Sorting stays in the header, read by screen
 * readers but hidden on a phone (the sort is in the URL, as on desktop).
 */
const CARD_FIRST: TColumnId[] = ["name", "risk", "status", "owner"];

/** The visible columns in their order, then the card's musts that are hidden; `order` places them in a card (a table ignores it). */
function cardColumns(columns: TColumnId[]): { id: TColumnId; phoneOnly: boolean; order: number }[] {
  const orderOf = (id: TColumnId, i: number) => (CARD_FIRST.includes(id) ? CARD_FIRST.indexOf(id) : CARD_FIRST.length + i);
  return [
    ...columns.map((id, i) => ({ id, phoneOnly: false, order: orderOf(id, i) })),
    ...CARD_FIRST.filter((id) => !columns.includes(id)).map((id) => ({ id, phoneOnly: true, order: orderOf(id, 0) })),
  ];
}

const CARD_CELL = "max-sm:col-start-2 max-sm:flex max-sm:min-w-0 max-sm:max-w-none max-sm:items-baseline max-sm:gap-2 max-sm:px-0 max-sm:py-0.5";

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
    <Table label="Credentials" data-testid="credential-table" aria-busy={busy} className="max-sm:block">
      <THead className="max-sm:sr-only">
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
      <TBody className="max-sm:block">
        {items.map((item) => (
          <TR
            key={item.id}
            data-testid="credential-row"
            data-credential-id={item.id}
            className={cn("max-sm:grid max-sm:grid-cols-[2.5rem_minmax(0,1fr)] max-sm:px-3 max-sm:py-3", selected.has(item.id) && "bg-primary-subtle/50")}
          >
            <TD className="w-8 max-sm:row-span-6 max-sm:p-0">
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-primary"
                aria-label={`Select ${item.name}`}
                checked={selected.has(item.id)}
                onChange={() => toggle(item)}
                data-testid="select-row"
              />
            </TD>
            {cardColumns(columns).map(({ id, phoneOnly, order }) => (
              <TD key={id} className={cn(COLUMNS[id].cellClassName, CARD_CELL, phoneOnly && "sm:hidden")} style={{ order }} data-card-cell={id}>
                {id === "name" ? null : <span className="w-16 shrink-0 text-xs text-muted-foreground sm:hidden">{COLUMNS[id].label}</span>}
                {COLUMNS[id].render(item, { now })}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

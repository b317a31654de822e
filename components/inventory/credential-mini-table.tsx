import { COLUMNS } from "@/components/inventory/columns";
import type { TColumnId } from "@/lib/inventory/columns";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TCredentialListItem } from "@/lib/inventory/types";

const MINI: TColumnId[] = ["name", "status", "risk", "expires", "lastUsed"];

/** A read-only credential table for detail pages (same cells as the inventory, no paging). */
export function CredentialMiniTable({ items, label, now, testId }: { items: TCredentialListItem[]; label: string; now: number; testId?: string }) {
  return (
    <Table label={label} data-testid={testId}>
      <THead>
        <tr>
          {MINI.map((id) => (
            <TH key={id}>{COLUMNS[id].label}</TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {items.map((item) => (
          <TR key={item.id} data-testid="credential-row">
            {MINI.map((id) => (
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

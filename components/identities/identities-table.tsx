import Link from "next/link";
import { EnvironmentBadge } from "@/components/inventory/badges";
import { formatNumber, formatRelative } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TIdentityRow } from "@/lib/identities/queries";
import { inventoryHref } from "@/lib/inventory/query-params";
import { IDENTITY_KIND_LABELS } from "@/lib/inventory/vocabulary";

export function IdentitiesTable({ items, now }: { items: TIdentityRow[]; now: number }) {
  return (
    <Table label="Identities" data-testid="identities-table">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Kind</TH>
          <TH>Env</TH>
          <TH>Owner</TH>
          <TH>Team</TH>
          <TH className="text-right">Credentials</TH>
          <TH>Last seen</TH>
        </tr>
      </THead>
      <TBody>
        {items.map((i) => (
          <TR key={i.id} data-testid="identity-row">
            <TD className="min-w-56">
              <Link href={`/identities/${i.id}`} className="font-medium hover:text-primary hover:underline" data-testid="identity-link">
                {i.name}
              </Link>
              {i.thirdPartyVendor || i.provider ? (
                <span className="block text-xs text-muted-foreground">{[i.thirdPartyVendor ? `vendor: ${i.thirdPartyVendor}` : null, i.provider].filter(Boolean).join(" · ")}</span>
              ) : null}
            </TD>
            <TD className="whitespace-nowrap">{IDENTITY_KIND_LABELS[i.kind]}</TD>
            <TD>
              <EnvironmentBadge environment={i.environment} short />
            </TD>
            <TD className="whitespace-nowrap">
              {i.owner ? (
                <span className={i.owner.active ? undefined : "text-muted-foreground line-through"}>{i.owner.name}</span>
              ) : (
                <Badge tone="warning">No owner</Badge>
              )}
            </TD>
            <TD className="whitespace-nowrap">{i.team?.name ?? <span className="text-muted-foreground">—</span>}</TD>
            <TD className="text-right tabular-nums">
              <Link href={inventoryHref({ identity: i.id })} className="text-primary hover:underline">
                {formatNumber(i.credentials)}
              </Link>
            </TD>
            <TD className="whitespace-nowrap" suppressHydrationWarning>
              {i.lastSeenAt ? formatRelative(i.lastSeenAt, now) : <span className="text-muted-foreground">never</span>}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

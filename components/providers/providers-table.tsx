import Link from "next/link";
import type { TProviderListRow } from "@/lib/providers/queries";
import { inventoryHref } from "@/lib/inventory/query-params";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { SyncStatusBadge } from "@/components/providers/sync-status-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

/** Every provider: what it is, whether it syncs, when it last did, what went wrong, what it holds. */
export function ProvidersTable({ providers, now }: { providers: TProviderListRow[]; now: number }) {
  return (
    <Table label="Providers" data-testid="providers-table">
      <THead>
        <tr>
          <TH>Provider</TH>
          <TH>Sync</TH>
          <TH>Last sync</TH>
          <TH className="text-right">Credentials</TH>
        </tr>
      </THead>
      <TBody>
        {providers.map((p) => (
          <TR key={p.id} data-testid={`provider-row-${p.name}`}>
            <TD>
              <Link href={`/providers/${p.id}`} className="font-medium hover:underline">
                {p.name}
              </Link>
              <div className="text-xs text-muted-foreground [overflow-wrap:anywhere]">{p.typeLabel}</div>
            </TD>
            <TD>
              <div className="flex flex-col items-start gap-1">
                <SyncStatusBadge status={p.syncStatus} enabled={p.enabled} connection={p.connection} />
                {p.syncSchedule ? <span className="font-mono text-xs text-muted-foreground">{p.syncSchedule} UTC</span> : null}
              </div>
            </TD>
            <TD>
              {p.lastSyncAt ? (
                <time dateTime={p.lastSyncAt} title={formatUtc(p.lastSyncAt)} suppressHydrationWarning>
                  {formatRelative(p.lastSyncAt, now)}
                </time>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
              {p.syncStatus === "error" && p.lastSyncError ? (
                <p className="mt-1 line-clamp-2 max-w-md text-xs text-danger [overflow-wrap:anywhere]" title={p.lastSyncError}>
                  {p.lastSyncError}
                </p>
              ) : null}
            </TD>
            <TD className="text-right tabular-nums">
              <Link href={inventoryHref({ provider: [p.id] })} className="hover:underline" title={`${p.activeCredentials} active`}>
                {p.credentials.toLocaleString("en")}
              </Link>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

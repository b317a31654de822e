import Link from "next/link";
import { DestinationActions } from "@/components/alert-delivery/destination-actions";
import { KIND_LABELS } from "@/components/alert-delivery/labels";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { USAGE_FACTOR_LABELS } from "@/components/usage/labels";
import type { TAlertDestinationRow } from "@/lib/alerts/queries";
import type { TUsageFactor } from "@/lib/usage/usage-factors";

export function filtersOf(d: { minSeverity: string; detectors: string[] }): string {
  const detectors = d.detectors.length ? d.detectors.map((f) => USAGE_FACTOR_LABELS[f as TUsageFactor] ?? f).join(", ") : "all detectors";
  return `${d.minSeverity} and above · ${detectors}`;
}

export function DestinationsTable({ destinations }: { destinations: TAlertDestinationRow[] }) {
  return (
    <Table label="Alert destinations" data-testid="alert-destinations">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Where</TH>
          <TH>Sends</TH>
          <TH>Deliveries</TH>
          <TH className="text-right">Actions</TH>
        </tr>
      </THead>
      <TBody>
        {destinations.map((d) => (
          <TR key={d.id} data-testid={`alert-destination-row-${d.name}`}>
            <TD className="font-medium">
              <Link href={`/settings/alerts/${d.id}`} className="underline-offset-2 hover:underline">
                {d.name}
              </Link>{" "}
              {d.enabled ? null : <Badge tone="neutral">Disabled</Badge>}
              <div className="text-xs font-normal text-muted-foreground">{KIND_LABELS[d.kind]}</div>
            </TD>
            <TD className="min-w-48 font-mono text-xs [overflow-wrap:anywhere]">{d.urlHint}</TD>
            <TD className="text-ui">{filtersOf(d)}</TD>
            <TD className="text-ui tabular-nums">
              <span className="flex flex-wrap gap-1">
                <Badge tone="success">{d.counts.delivered} delivered</Badge>
                {d.counts.pending ? <Badge tone="warning">{d.counts.pending} pending</Badge> : null}
                {d.counts.failed ? <Badge tone="danger">{d.counts.failed} failed</Badge> : null}
              </span>
            </TD>
            <TD className="text-right">
              <DestinationActions id={d.id} enabled={d.enabled} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

import Link from "next/link";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TCampaignRow } from "@/lib/reviews/queries";
import { CampaignStateBadge } from "./campaign-state-badge";

export function CampaignsTable({ rows, now, label }: { rows: TCampaignRow[]; now: number; label: string }) {
  return (
    <Table label={label} data-testid="campaigns-table">
      <THead>
        <tr>
          <TH>Campaign</TH>
          <TH>Status</TH>
          <TH>Due</TH>
          <TH className="min-w-48">Progress</TH>
          <TH>Yours to review</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((c) => (
          <TR key={c.id} data-testid="campaign-row">
            <TD className="min-w-52">
              <Link href={`/reviews/${c.id}`} className="font-medium hover:underline">
                {c.name}
              </Link>
              <div className="max-w-64 truncate text-xs text-muted-foreground" title={c.createdBy}>
                by {c.createdBy}
              </div>
            </TD>
            <TD>
              <CampaignStateBadge state={c.state} />
            </TD>
            <TD className="whitespace-nowrap">
              <time dateTime={c.dueAt} title={formatUtc(c.dueAt)} suppressHydrationWarning>
                {formatUtc(c.dueAt).slice(0, 10)}
              </time>
              <div className="text-xs text-muted-foreground" suppressHydrationWarning>
                {c.status === "closed" ? "closed" : formatRelative(c.dueAt, now)}
              </div>
            </TD>
            <TD>
              <ProgressBar label={`Progress of ${c.name}`} done={c.decided} total={c.items} valueText={`${c.decided} of ${c.items} decided`} />
              <div className="mt-1 text-xs text-muted-foreground tabular-nums">
                {c.decided} of {c.items} decided
              </div>
            </TD>
            <TD className="tabular-nums">
              {c.myPending > 0 ? (
                <Link href={`/reviews/${c.id}?view=mine`} className="font-medium text-primary hover:underline" data-testid="campaign-my-pending">
                  {c.myPending} pending
                </Link>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

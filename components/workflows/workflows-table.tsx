import Link from "next/link";
import { formatRelative, formatUtc } from "@/components/inventory/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TWorkflowRow } from "@/lib/workflows/queries";
import { KIND_LABELS } from "@/lib/workflows/vocabulary";
import { BreakGlassBadge, WorkflowStateBadge } from "./state-badge";

export function WorkflowsTable({ rows, now, label }: { rows: TWorkflowRow[]; now: number; label: string }) {
  return (
    <Table label={label} data-testid="workflows-table">
      <THead>
        <tr>
          <TH>Credential</TH>
          <TH>Workflow</TH>
          <TH>State</TH>
          <TH>Requested</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((w) => (
          <TR key={w.id} data-testid="workflow-row" data-state={w.state}>
            <TD className="min-w-44">
              <Link href={`/workflows/${w.id}`} className="font-medium hover:underline">
                {w.credential.name}
              </Link>
              <div className="text-xs text-muted-foreground">{w.provider.name}</div>
            </TD>
            <TD className="min-w-40">
              <div className="flex flex-wrap items-center gap-1.5">
                <span>{KIND_LABELS[w.kind]}</span>
                {w.breakGlass ? <BreakGlassBadge /> : null}
              </div>
              {w.reason ? <div className="line-clamp-1 max-w-xs text-xs text-muted-foreground" title={w.reason}>{w.reason}</div> : null}
            </TD>
            <TD>
              <WorkflowStateBadge state={w.state} />
              {w.lastError && w.state === "failed" ? <div className="mt-1 line-clamp-2 max-w-xs text-xs text-danger">{w.lastError}</div> : null}
            </TD>
            <TD className="whitespace-nowrap">
              <time dateTime={w.createdAt} title={formatUtc(w.createdAt)} suppressHydrationWarning>
                {formatRelative(w.createdAt, now)}
              </time>
              <div className="max-w-48 truncate text-xs text-muted-foreground" title={w.requestedBy}>
                {w.requestedBy}
              </div>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

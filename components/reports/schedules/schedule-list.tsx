import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { FORMAT_LABELS, REPORTS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import { describeCron } from "@/lib/reports/schedules/cadence";
import { reportScheduleHref } from "@/lib/reports/schedules/links";
import type { TScheduleRow } from "@/lib/reports/schedules/queries";
import { RunStatusBadge } from "./status-badge";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function ScheduleList({ schedules }: { schedules: TScheduleRow[] }) {
  if (schedules.length === 0) return <p className="text-ui text-muted-foreground">No scheduled reports yet.</p>;
  return (
    <Table label="Scheduled reports" data-testid="schedule-list">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Report</TH>
          <TH>When</TH>
          <TH>Recipients</TH>
          <TH>Last run</TH>
        </TR>
      </THead>
      <TBody>
        {schedules.map((s) => (
          <TR key={s.id}>
            <TD>
              <Link href={reportScheduleHref(s.id)} className="font-medium text-primary hover:underline">
                {s.name}
              </Link>{" "}
              {s.paused ? <Badge tone="warning">paused</Badge> : null}
            </TD>
            <TD>
              {REPORTS[s.report as TReportId]?.title ?? s.report} · {FORMAT_LABELS[s.format as TReportFormat]?.label ?? s.format}
            </TD>
            <TD>{describeCron(s.cron)}</TD>
            <TD>{s.recipients.length}</TD>
            <TD>{s.lastRun ? <span className="inline-flex items-center gap-2"><RunStatusBadge status={s.lastRun.status} /> {utc(s.lastRun.startedAt)}</span> : <span className="text-muted-foreground">not yet</span>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

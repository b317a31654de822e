import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunHistory } from "@/components/reports/schedules/run-history";
import { ScheduleControls } from "@/components/reports/schedules/schedule-controls";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { FORMAT_LABELS, REPORTS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import { describeCron } from "@/lib/reports/schedules/cadence";
import { reportSchedulesHref } from "@/lib/reports/schedules/links";
import { findReportSchedule } from "@/lib/reports/schedules/queries";

export const metadata: Metadata = { title: "Scheduled report" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ReportSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  if (!UUID.test(id) || !allows(actor, "reports.export")) notFound();
  const found = await findReportSchedule(await db(), actor, id);
  if (!found) notFound();
  const { schedule: s, runs } = found;
  // Shown as typed (risk=high,critical), not percent-encoded.
  const filters = Object.entries(s.params)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return (
    <>
      <PageHeader
        title={s.name}
        description={
          <>
            <Link href={reportSchedulesHref} className="text-primary hover:underline">
              Scheduled reports
            </Link>{" "}
            · {REPORTS[s.report as TReportId]?.title ?? s.report} as {FORMAT_LABELS[s.format as TReportFormat]?.label ?? s.format}
          </>
        }
        actions={s.canManage && allows(actor, "reports.schedule") ? <ScheduleControls scheduleId={s.id} paused={s.paused} runCount={runs.length} running={runs.some((r) => r.status === "running")} /> : null}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="schedule-details">
        <div>
          <dt className="text-ui text-muted-foreground">When</dt>
          <dd>
            {describeCron(s.cron)} {s.paused ? <Badge tone="warning">paused</Badge> : null}
          </dd>
        </div>
        <div>
          <dt className="text-ui text-muted-foreground">Filters</dt>
          <dd className="break-all font-mono text-ui">
            {filters || "none"}
            {s.rangeDays ? ` · last ${s.rangeDays} days` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-ui text-muted-foreground">Runs as</dt>
          <dd className="[overflow-wrap:anywhere]">{s.createdBy.label}</dd>
        </div>
        <div>
          <dt className="text-ui text-muted-foreground">Recipients</dt>
          <dd>
            <ul>
              {s.recipients.map((r) => (
                <li key={r.id} className="[overflow-wrap:anywhere]">
                  {r.label}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <h2 className="mb-2 text-sm font-semibold">Runs</h2>
      <RunHistory runs={runs} />
    </>
  );
}

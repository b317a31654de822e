import { FileLock2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleForm } from "@/components/reports/schedules/schedule-form";
import { ScheduleList } from "@/components/reports/schedules/schedule-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listReportRecipients, listReportSchedules } from "@/lib/reports/schedules/queries";

export const metadata: Metadata = { title: "Scheduled reports" };

export default async function ReportSchedulesPage() {
  const actor = await requireActor();
  if (!allows(actor, "reports.export")) {
    return (
      <>
        <PageHeader title="Scheduled reports" />
        <EmptyState icon={FileLock2} title="Reports are for auditors, security and admins" description="Your role reads everything in Tokenward but does not export signed reports." />
      </>
    );
  }
  const prisma = await db();
  const [schedules, recipients] = await Promise.all([listReportSchedules(prisma, actor), listReportRecipients(prisma)]);
  const canSchedule = allows(actor, "reports.schedule");
  return (
    <>
      <PageHeader
        title="Scheduled reports"
        description="Reports that run on their own, as the person who scheduled them, each with its signed manifest. Recipients get a sign-in link, never the file."
        actions={
          <Link href="/reports" className="text-sm font-medium text-primary hover:underline">
            Export now instead
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section className="min-w-0">
          <ScheduleList schedules={schedules} />
        </section>
        {canSchedule ? (
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>New schedule</CardTitle>
              <CardDescription>Times are UTC. The newest 10 files of each schedule are kept.</CardDescription>
            </CardHeader>
            <CardContent>
              <ScheduleForm recipients={recipients} selfId={actor.id} selfOnly={actor.role === "auditor"} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}

import { FileLock2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ReportExportForm } from "@/components/reports/report-export-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { reportFormOptions } from "@/lib/reports/page-data";
import { listCampaignChoices } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Reports" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireActor();
  const view = (await searchParams).view;
  const exports = allows(actor, "reports.export");
  const campaigns = exports ? await listCampaignChoices(await db()) : [];
  return (
    <>
      <PageHeader
        title="Reports"
        description="Evidence for auditors: CSV, JSON or PDF, each with a manifest signed by the audit key that anyone can check offline."
        actions={
          allows(actor, "reports.export") ? (
            <Link href="/reports/schedules" className="text-sm font-medium text-primary hover:underline" data-testid="reports-schedules-link">
              Scheduled reports
            </Link>
          ) : null
        }
      />
      {allows(actor, "reports.export") ? (
        <ReportExportForm options={reportFormOptions(new Date(), campaigns)} initialInventory={typeof view === "string" ? view.slice(0, 2000) : ""} />
      ) : (
        <EmptyState icon={FileLock2} title="Reports are for auditors, security and admins" description="Your role reads everything in Tokenward but does not export signed reports. Ask an admin if you need one." />
      )}
    </>
  );
}

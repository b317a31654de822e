import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getOverviewCounts } from "@/lib/overview/queries";
import { ComingNext } from "@/components/overview/coming-next";
import { GettingStarted } from "@/components/overview/getting-started";
import { OverviewTiles } from "@/components/overview/overview-tiles";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const [actor, counts] = await Promise.all([requireActor(), getOverviewCounts()]);
  const firstName = actor.name.split(/\s+/)[0] || actor.name;
  return (
    <>
      <PageHeader title="Overview" description={`Welcome back, ${firstName}. The machine credentials Tokenward governs, at a glance.`} />
      <div className="flex flex-col gap-6">
        <OverviewTiles counts={counts} />
        {counts.credentials === 0 ? <GettingStarted canConnect={can(actor.role, "connectors.manage")} /> : null}
        <ComingNext />
      </div>
    </>
  );
}

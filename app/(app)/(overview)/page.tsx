import type { Metadata } from "next";
import { GettingStarted } from "@/components/overview/getting-started";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { getOverview } from "@/lib/overview/queries";
import { getRiskTrend } from "@/lib/risk/queries";
import { FailingSyncsAlert } from "@/components/providers/failing-syncs-alert";
import { db } from "@/lib/db/client";
import { listFailingSyncs } from "@/lib/providers/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const [actor, overview, riskTrend, failing] = await Promise.all([requireActor(), getOverview(), getRiskTrend(), db().then(listFailingSyncs)]);
  const firstName = actor.name.split(/\s+/)[0] || actor.name;
  return (
    <>
      <PageHeader title="Overview" description={`Welcome back, ${firstName}. What exists, what is wrong with it, and what needs doing first.`} />
      <FailingSyncsAlert failing={failing} />
      {overview.tiles.total === 0 ? <GettingStarted canConnect={allows(actor, "connectors.manage")} /> : <OverviewDashboard overview={overview} riskTrend={riskTrend} />}
    </>
  );
}

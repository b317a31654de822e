import { BellRing, Lock } from "lucide-react";
import type { Metadata } from "next";
import { CreateDestinationDialog } from "@/components/alert-delivery/create-destination-dialog";
import { DestinationsTable } from "@/components/alert-delivery/destinations-table";
import { SettingsHeader } from "@/components/settings/settings-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listAlertDestinations } from "@/lib/alerts/queries";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Alert delivery" };
export const dynamic = "force-dynamic";

export default async function AlertDeliveryPage() {
  const actor = await requireActor();
  if (!allows(actor, "alerts.deliver")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState icon={Lock} title="Alert delivery is managed by security and admins" description="Where usage findings are sent: a signed webhook, Slack, a SIEM." />
      </>
    );
  }
  const destinations = await listAlertDestinations(await db());
  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold">Alert delivery</h2>
          <p className="text-ui text-muted-foreground">Each new usage finding is sent once to every matching destination, retried with back-off; acknowledged findings are never re-sent.</p>
        </div>
        <CreateDestinationDialog />
      </div>
      {destinations.length ? (
        <DestinationsTable destinations={destinations} />
      ) : (
        <EmptyState icon={BellRing} title="No alert destinations" description="Findings show on the Alerts page only. Add a webhook, a Slack channel or a SIEM collector to send them where your team looks." />
      )}
    </>
  );
}

import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryHistory } from "@/components/alert-delivery/delivery-history";
import { DestinationActions } from "@/components/alert-delivery/destination-actions";
import { filtersOf } from "@/components/alert-delivery/destinations-table";
import { KIND_LABELS } from "@/components/alert-delivery/labels";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { readAlertDestination } from "@/lib/alerts/queries";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Alert destination" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AlertDestinationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  if (!allows(actor, "alerts.deliver")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState icon={Lock} title="Alert delivery is managed by security and admins" description="Where usage findings are sent: a signed webhook, Slack, a SIEM." />
      </>
    );
  }
  const found = UUID.test(id) ? await readAlertDestination(await db(), id) : null;
  if (!found) notFound();
  const { destination: d, deliveries, attempts, readAt } = found;
  return (
    <>
      <SettingsHeader role={actor.role} />
      <p className="mb-2 text-ui">
        <Link href="/settings/alerts" className="text-muted-foreground underline-offset-2 hover:underline">
          ← Alert delivery
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-base font-semibold" data-testid="alert-destination-title">
            {d.name} {d.enabled ? null : <Badge tone="neutral">Disabled</Badge>}
          </h2>
          <p className="text-ui text-muted-foreground">
            {KIND_LABELS[d.kind]} · <span className="font-mono text-xs [overflow-wrap:anywhere]">{d.urlHint}</span>
          </p>
          <p className="text-ui text-muted-foreground">Sends {filtersOf(d)}</p>
        </div>
        <DestinationActions id={d.id} enabled={d.enabled} onDeleted="/settings/alerts" />
      </div>
      <DeliveryHistory deliveries={deliveries} attempts={attempts} now={readAt} canResend />
    </>
  );
}

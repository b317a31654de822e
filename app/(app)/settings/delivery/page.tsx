import { Lock, Webhook } from "lucide-react";
import type { Metadata } from "next";
import { CreateTargetDialog } from "@/components/delivery/create-target-dialog";
import { TargetRowActions } from "@/components/delivery/target-row-actions";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listDeliveryTargets } from "@/lib/delivery/queries";

export const metadata: Metadata = { title: "Delivery targets" };
export const dynamic = "force-dynamic";

export default async function DeliveryTargetsPage() {
  const actor = await requireActor();
  if (!allows(actor, "connectors.manage")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState icon={Lock} title="Delivery targets are managed by admins" description="They receive rotated secrets; only admins add them." />
      </>
    );
  }
  const targets = await listDeliveryTargets(await db());
  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold">Delivery targets</h2>
          <p className="text-ui text-muted-foreground">Signed webhooks a rotation sends its new secret to, instead of revealing it once to a person.</p>
        </div>
        <CreateTargetDialog />
      </div>
      {targets.length ? (
        <Table label="Delivery targets" data-testid="delivery-targets">
          <THead>
            <tr>
              <TH>Name</TH>
              <TH>URL</TH>
              <TH>Used by</TH>
              <TH className="text-right">Actions</TH>
            </tr>
          </THead>
          <TBody>
            {targets.map((t) => (
              <TR key={t.id} data-testid={`delivery-row-${t.name}`}>
                <TD className="font-medium">
                  {t.name} {t.enabled ? null : <Badge tone="neutral">Disabled</Badge>}
                </TD>
                <TD className="font-mono text-xs [overflow-wrap:anywhere]">{t.url}</TD>
                <TD className="tabular-nums">{t.workflows.toLocaleString("en")} rotations</TD>
                <TD className="text-right">
                  <TargetRowActions id={t.id} enabled={t.enabled} used={t.workflows > 0} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState icon={Webhook} title="No delivery targets" description="Without one, a rotation's new secret is revealed once to the credential's owner." />
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { DetailList, EntityHeader } from "@/components/detail/entity-header";
import { formatNumber, formatRelative, formatUtc } from "@/components/inventory/format";
import { IssueCredentialDialog } from "@/components/credentials/issue-credential-dialog";
import { CapabilitiesList } from "@/components/providers/capabilities-table";
import { ProviderActions, TestConnectionButton } from "@/components/providers/provider-actions";
import { ProviderSettings } from "@/components/providers/provider-settings";
import { SyncHistory } from "@/components/providers/sync-history";
import { SyncPanel } from "@/components/providers/sync-panel";
import { SyncStatusBadge } from "@/components/providers/sync-status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { allows } from "@/lib/auth/access";
import { entityTitle, loadEntityPage } from "@/lib/inventory/entity-title";
import { inventoryHref } from "@/lib/inventory/query-params";
import { getProviderDetail } from "@/lib/providers/queries";
import { EntityHistory } from "@/components/audit/entity-history";

type TParams = Promise<{ id: string }>;
// The sync status and history change while the page is open.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("provider", (await params).id, "Provider") };
}

export default async function ProviderPage({ params }: { params: TParams }) {
  const { actor, data } = await loadEntityPage((await params).id, getProviderDetail);
  const { provider: p, connector, capabilities, counts, runs, sync, cannotSyncReason, readAt: now } = data;
  const canManage = allows(actor, "connectors.manage");
  const canIssue = allows(actor, "credentials.issue") && p.connection === "connected" && p.enabled && capabilities.some((c) => c.name === "issue" && c.supported);
  return (
    <>
      <EntityHeader
        back={{ href: "/providers", label: "Providers" }}
        title={p.name}
        testId="provider-name"
        subtitle={p.typeLabel}
        badges={
          <>
            <SyncStatusBadge status={p.syncStatus} enabled={p.enabled} connection={p.connection} />
            <Badge tone="outline">Sensitivity: {p.sensitivity}</Badge>
          </>
        }
        actions={canManage ? <ProviderActions id={p.id} name={p.name} enabled={p.enabled} connected={p.connected} credentials={counts.credentials} /> : null}
      />
      {p.syncStatus === "error" && p.lastSyncError ? (
        <Alert tone="danger" title={`The last sync failed${p.lastSyncAt ? ` (${formatUtc(p.lastSyncAt)})` : ""}`} className="mb-6" data-testid="provider-sync-failed">
          {p.lastSyncError}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
              <div className="flex flex-col gap-1">
                <CardTitle>Credentials</CardTitle>
                <CardDescription>What the inventory holds from {p.name}.</CardDescription>
              </div>
              <Link href={inventoryHref({ provider: [p.id] })} className="shrink-0 text-ui font-medium text-primary hover:underline" data-testid="provider-inventory-link">
                Open in inventory
              </Link>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="provider-counts">
                {[
                  ["Credentials", counts.credentials, inventoryHref({ provider: [p.id] })],
                  ["Active", counts.active, inventoryHref({ provider: [p.id], status: ["active"] })],
                  ["Gone upstream", counts.revokedUpstream, inventoryHref({ provider: [p.id], status: ["revoked"] })],
                  ["Identities", counts.identities, null],
                ].map(([label, value, href]) => (
                  <div key={label as string} className="flex flex-col gap-0.5">
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums">
                      {href ? (
                        <Link href={href as string} className="hover:underline">
                          {formatNumber(value as number)}
                        </Link>
                      ) : (
                        formatNumber(value as number)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Sync</CardTitle>
              <CardDescription>
                {p.syncSchedule ? (
                  <>
                    On schedule <span className="font-mono">{p.syncSchedule}</span> (UTC)
                  </>
                ) : (
                  "Only when asked"
                )}
                {p.lastSyncAt ? <> · last {formatRelative(p.lastSyncAt, now)}</> : null}. A sync marks what the provider no longer lists as gone upstream.
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <SyncPanel providerId={p.id} initial={sync} canSync={canManage} cannotSyncReason={cannotSyncReason} />
              {runs.length > 0 ? <SyncHistory runs={runs} now={now} /> : <p className="text-ui text-muted-foreground">No sync has run yet.</p>}
            </CardContent>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>Settings</CardTitle>
              <CardDescription>Never the secret: it is stored encrypted and not shown again.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-3 py-2">
              <ProviderSettings provider={p} fields={connector?.configFields ?? null} />
              {canManage && p.connected ? <TestConnectionButton id={p.id} /> : null}
              {canIssue ? <IssueCredentialDialog providerId={p.id} providerName={p.name} defaultResource={typeof p.config.defaultResource === "string" ? p.config.defaultResource : undefined} /> : null}
            </CardContent>
          </Card>
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>What it can do</CardTitle>
              <CardDescription>{connector ? "Declared by its connector; workflows offer exactly this." : "No connector: listed from seeded or imported data only."}</CardDescription>
            </CardHeader>
            <CardContent className="py-2">
              {capabilities.length ? <CapabilitiesList capabilities={capabilities} /> : <DetailList rows={[["Connector", <span key="n" className="text-muted-foreground">None for “{p.type}”</span>]]} />}
            </CardContent>
          </Card>
        </div>
      </div>
      <EntityHistory actor={actor} targetType="provider" targetId={p.id} />
    </>
  );
}

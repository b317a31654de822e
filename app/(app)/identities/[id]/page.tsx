import type { Metadata } from "next";
import Link from "next/link";
import { DetailList, EntityHeader } from "@/components/detail/entity-header";
import { EnvironmentBadge } from "@/components/inventory/badges";
import { CredentialMiniTable } from "@/components/inventory/credential-mini-table";
import { formatNumber, formatUtc } from "@/components/inventory/format";
import { EdgeTable } from "@/components/inventory/presented-table";
import { TopologyGraph } from "@/components/topology/topology-graph";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { entityTitle, loadEntityPage, withOwnershipOptions } from "@/lib/inventory/entity-title";
import { AssignOwnerDialog } from "@/components/inventory/ownership-controls";
import { getIdentityDetail } from "@/lib/identities/queries";
import { inventoryHref } from "@/lib/inventory/query-params";
import { IDENTITY_KIND_LABELS } from "@/lib/inventory/vocabulary";
import { EntityHistory } from "@/components/audit/entity-history";

type TParams = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("identity", (await params).id, "Identity") };
}

export default async function IdentityPage({ params }: { params: TParams }) {
  const { data, actor } = await loadEntityPage((await params).id, withOwnershipOptions(getIdentityDetail, (d) => d.identity));
  const { identity: i, holds, presented, presentedTotal, topology, readAt, options } = data;
  const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

  return (
    <>
      <EntityHeader
        back={{ href: "/identities", label: "Identities" }}
        title={i.name}
        testId="identity-name"
        subtitle={i.description ?? `${IDENTITY_KIND_LABELS[i.kind]}${i.provider ? ` from ${i.provider.name}` : ""}`}
        badges={
          <>
            <Badge tone="primary">{IDENTITY_KIND_LABELS[i.kind]}</Badge>
            <EnvironmentBadge environment={i.environment} />
            {!i.owner || !i.owner.active ? <Badge tone="warning">Orphaned</Badge> : null}
            {i.thirdPartyVendor ? <Badge tone="warning">Third party: {i.thirdPartyVendor}</Badge> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Topology</CardTitle>
              <CardDescription>Where this identity presents credentials{i.mcpServer ? ", and who presents credentials to it" : ""}.</CardDescription>
            </CardHeader>
            <CardContent>
              {topology.edges.length > 0 ? <TopologyGraph topology={topology} label={`Topology of ${i.name}`} /> : <p className="text-ui text-muted-foreground">No use observed yet.</p>}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
              <div className="flex flex-col gap-1">
                <CardTitle>What it holds</CardTitle>
                <CardDescription>Its own credentials and those it presents through a binding, riskiest first.</CardDescription>
              </div>
              <Link href={inventoryHref({ identity: i.id })} className="shrink-0 text-ui font-medium text-primary hover:underline" data-testid="identity-holds-all">
                Open in inventory
              </Link>
            </CardHeader>
            <CardContent>
              {holds.items.length === 0 ? (
                <p className="text-ui text-muted-foreground">It holds no credential Tokenward knows of.</p>
              ) : (
                <CredentialMiniTable items={holds.items} label={`Credentials held by ${i.name}`} now={readAt} testId="identity-holds" />
              )}
              {holds.nextCursor ? <p className="mt-2 text-xs text-muted-foreground">Showing the {holds.items.length} riskiest; open the inventory for all.</p> : null}
            </CardContent>
          </Card>
          {i.mcpServer ? (
            <Card>
              <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
                <div className="flex flex-col gap-1">
                  <CardTitle>Presented to it</CardTitle>
                  <CardDescription>Credentials agents and clients present to {i.mcpServer.name}.</CardDescription>
                </div>
                <Link href={`/mcp-servers/${i.mcpServer.id}`} className="shrink-0 text-ui font-medium text-primary hover:underline">
                  MCP server page
                </Link>
              </CardHeader>
              <CardContent>
                {presented.length === 0 ? (
                  <p className="text-ui text-muted-foreground">Nothing presented to it yet.</p>
                ) : (
                  <EdgeTable
                    rows={presented.map((p) => ({ ...p, other: p.holder }))}
                    otherLabel="Presented by"
                    label={`Credentials presented to ${i.name}`}
                    now={readAt}
                    testId="identity-presented"
                  />
                )}
                {presentedTotal > presented.length ? <p className="mt-2 text-xs text-muted-foreground">The {presented.length} most recent of {formatNumber(presentedTotal)}.</p> : null}
              </CardContent>
            </Card>
          ) : null}
        </div>
        <Card className="h-fit">
          <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
            <CardTitle>Details</CardTitle>
            {options ? <AssignOwnerDialog entity={{ type: "identity", id: i.id, label: i.name }} options={options} /> : null}
          </CardHeader>
          <CardContent className="py-2">
            <DetailList
              rows={[
                ["Owner", i.owner ? <span key="o" className={i.owner.active ? undefined : "line-through"}>{i.owner.name} <span className="block text-xs text-muted-foreground">{i.owner.email}{i.owner.active ? "" : " · deactivated"}</span></span> : muted("No owner")],
                ["Team", i.team?.name ?? muted("No team")],
                ["Kind", IDENTITY_KIND_LABELS[i.kind]],
                ["Environment", <EnvironmentBadge key="e" environment={i.environment} />],
                ["Provider", i.provider?.name ?? muted("None")],
                ["External id", i.externalId ? <code key="x" className="text-xs">{i.externalId}</code> : muted("None")],
                ["Last seen", i.lastSeenAt ? formatUtc(i.lastSeenAt) : muted("Never")],
                ["Created", formatUtc(i.createdAt)],
              ]}
            />
          </CardContent>
        </Card>
      </div>
      <EntityHistory actor={actor} targetType="identity" targetId={i.id} />
    </>
  );
}

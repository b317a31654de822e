import type { Metadata } from "next";
import Link from "next/link";
import { DetailList, EntityHeader } from "@/components/detail/entity-header";
import { EnvironmentBadge } from "@/components/inventory/badges";
import { formatNumber, formatUtc } from "@/components/inventory/format";
import { EdgeTable } from "@/components/inventory/presented-table";
import { AUTH_LABEL, PROBE_LABEL, PROBE_TONE } from "@/components/mcp-servers/mcp-servers-table";
import { TopologyGraph } from "@/components/topology/topology-graph";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { entityTitle, loadEntityPage, withOwnershipOptions } from "@/lib/inventory/entity-title";
import { inventoryHref } from "@/lib/inventory/query-params";
import { AssignOwnerDialog } from "@/components/inventory/ownership-controls";
import { getMcpServerDetail } from "@/lib/mcp-servers/queries";
import { ProbePanel } from "@/components/mcp-servers/probe-panel";
import { allows } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { getProbeView } from "@/lib/mcp-servers/probe-queries";
import { ServerExposuresCard } from "@/components/exposures/server-exposures-card";
import { serverExposures } from "@/lib/exposures/queries";
import { EntityHistory } from "@/components/audit/entity-history";

type TParams = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  return { title: await entityTitle("mcpServer", (await params).id, "MCP server") };
}

export default async function McpServerPage({ params }: { params: TParams }) {
  const { data, actor } = await loadEntityPage((await params).id, withOwnershipOptions(getMcpServerDetail, (d) => d.server));
  const { server: s, presented, presentedTotal, held, heldTotal, topology, readAt, options } = data;
  const prisma = await db();
  const [probe, exposures] = await Promise.all([getProbeView(prisma, s.id), serverExposures(prisma, actor, s.id)]);
  const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;
  return (
    <>
      <EntityHeader
        back={{ href: "/mcp-servers", label: "MCP servers" }}
        title={s.name}
        testId="mcp-server-name"
        subtitle={<code className="text-ui">{s.resourceUri ?? s.command ?? s.transport}</code>}
        badges={
          <>
            <EnvironmentBadge environment={s.environment} />
            <Badge tone={s.authMode === "none" ? "danger" : "neutral"}>Auth: {AUTH_LABEL[s.authMode] ?? s.authMode}</Badge>
            <Badge tone={PROBE_TONE[s.lastProbeResult] ?? "neutral"}>{PROBE_LABEL[s.lastProbeResult] ?? s.lastProbeResult}</Badge>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <ProbePanel serverId={s.id} serverName={s.name} view={probe} canRun={allows(actor, "mcp_servers.probe")} canConfigure={allows(actor, "mcp_servers.manage")} />
          <Card>
            <CardHeader>
              <CardTitle>Topology</CardTitle>
              <CardDescription>Holders that present credentials to this server, and where the server itself goes with its own.</CardDescription>
            </CardHeader>
            <CardContent>
              {topology.edges.length > 0 ? <TopologyGraph topology={topology} label={`Topology of ${s.name}`} /> : <p className="text-ui text-muted-foreground">No use observed yet.</p>}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
              <div className="flex flex-col gap-1">
                <CardTitle>Presented to it</CardTitle>
                <CardDescription>{formatNumber(presentedTotal)} bindings: who presents which credential to this server.</CardDescription>
              </div>
              <Link href={inventoryHref({ server: s.id })} className="shrink-0 text-ui font-medium text-primary hover:underline">
                Open in inventory
              </Link>
            </CardHeader>
            <CardContent>
              {presented.length === 0 ? (
                <p className="text-ui text-muted-foreground">No credential presented to it yet.</p>
              ) : (
                <EdgeTable rows={presented.map((p) => ({ ...p, other: p.holder }))} otherLabel="Presented by" label={`Presented to ${s.name}`} now={readAt} testId="server-presented" />
              )}
              {presentedTotal > presented.length ? <p className="mt-2 text-xs text-muted-foreground">The {presented.length} most recently seen of {formatNumber(presentedTotal)}.</p> : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>What it holds</CardTitle>
              <CardDescription>
                {formatNumber(heldTotal)} bindings: credentials this server presents upstream. A client&apos;s token here means passthrough.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {held.length === 0 ? (
                <p className="text-ui text-muted-foreground">It presents no credential upstream that Tokenward has seen.</p>
              ) : (
                <EdgeTable rows={held.map((h) => ({ ...h, other: h.target }))} otherLabel="Presented to" label={`Held by ${s.name}`} now={readAt} testId="server-held" />
              )}
            </CardContent>
          </Card>
          <ServerExposuresCard serverId={s.id} items={exposures.items} total={exposures.total} open={exposures.open} now={readAt} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card className="h-fit">
            <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
              <CardTitle>Details</CardTitle>
              {options ? <AssignOwnerDialog entity={{ type: "mcp_server", id: s.id, label: s.name }} options={options} /> : null}
            </CardHeader>
            <CardContent className="py-2">
              <DetailList
                rows={[
                  ["Owner", s.owner ? <span key="o" className={s.owner.active ? undefined : "line-through"}>{s.owner.name}</span> : muted("No owner")],
                  ["Team", s.team?.name ?? muted("No team")],
                  ["Transport", s.transport.replace(/_/g, " ")],
                  ["Auth mode", AUTH_LABEL[s.authMode] ?? s.authMode],
                  ["Identity", s.identity ? <Link key="i" className="text-primary hover:underline" href={`/identities/${s.identity.id}`}>{s.identity.name}</Link> : muted("None")],
                  ["Last probe", s.lastProbeAt ? formatUtc(s.lastProbeAt) : muted("Never")],
                  ["Probe detail", s.lastProbeDetail ?? muted("—")],
                  ["Known since", formatUtc(s.createdAt)],
                ]}
              />
            </CardContent>
          </Card>
          {s.protectedResourceMetadata ? (
            <Card>
              <CardHeader>
                <CardTitle>Protected-resource metadata</CardTitle>
                <CardDescription>RFC 9728, as last fetched.</CardDescription>
              </CardHeader>
              <CardContent>
                <pre className="max-h-72 overflow-auto rounded-md bg-surface-sunken p-3 text-xs">{JSON.stringify(s.protectedResourceMetadata, null, 2)}</pre>
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
      <EntityHistory actor={actor} targetType="mcp_server" targetId={s.id} />
    </>
  );
}

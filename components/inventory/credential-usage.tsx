import Link from "next/link";
import { Muted } from "@/components/detail/entity-header";
import { EnvironmentBadge } from "@/components/inventory/badges";
import { formatDate, formatNumber, formatRelative } from "@/components/inventory/format";
import { TopologyGraph } from "@/components/topology/topology-graph";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TTopology } from "@/lib/inventory/topology";
import type { TCredentialDetail } from "@/lib/inventory/types";
import { IDENTITY_KIND_LABELS, type TIdentityKind } from "@/lib/inventory/vocabulary";

/** Where a credential is used, where it leaked, and what happened to it: the main column of its page. */

export function CredentialTopology({ detail: d, topology, now }: { detail: TCredentialDetail; topology: TTopology; now: number }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Topology</CardTitle>
        <CardDescription>Who presents this credential, to which MCP server or provider.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {d.bindings.length > 0 ? (
          <TopologyGraph topology={topology} label={`Topology of ${d.name}`} />
        ) : (
          <p className="text-ui text-muted-foreground">No use observed yet: bindings appear when usage is ingested or a scan finds where the credential is configured.</p>
        )}
        {d.bindings.length > 0 ? (
          <Table label="Bindings" data-testid="bindings-table">
            <THead>
              <tr>
                <TH>Holder</TH>
                <TH>Presented to</TH>
                <TH>Audience</TH>
                <TH>Env</TH>
                <TH>Last seen</TH>
              </tr>
            </THead>
            <TBody>
              {d.bindings.map((b) => (
                <TR key={b.id}>
                  <TD className="whitespace-nowrap">
                    {b.holder ? (
                      <Link className="text-primary hover:underline" href={b.holder.kind === "identity" ? `/identities/${b.holder.id}` : `/mcp-servers/${b.holder.id}`}>
                        {b.holder.name}
                      </Link>
                    ) : (
                      <Muted>unknown</Muted>
                    )}
                    {b.holder?.detail ? (
                      <span className="block text-xs text-muted-foreground">
                        {b.holder.kind === "identity" ? IDENTITY_KIND_LABELS[b.holder.detail as TIdentityKind] : "MCP server"}
                      </span>
                    ) : null}
                  </TD>
                  <TD className="whitespace-nowrap">
                    {b.target ? (
                      b.target.kind === "server" ? (
                        <Link className="text-primary hover:underline" href={`/mcp-servers/${b.target.id}`}>
                          {b.target.name}
                        </Link>
                      ) : (
                        b.target.name
                      )
                    ) : (
                      <Muted>unknown</Muted>
                    )}
                  </TD>
                  <TD className="max-w-56">{b.audience ? <code className="text-xs [overflow-wrap:anywhere]">{b.audience}</code> : <Muted>any</Muted>}</TD>
                  <TD>
                    <EnvironmentBadge environment={b.environment} short />
                  </TD>
                  <TD className="whitespace-nowrap" suppressHydrationWarning>
                    {formatRelative(b.lastSeenAt, now)}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : null}
        {d.bindingsTotal > d.bindings.length ? (
          <p className="text-xs text-muted-foreground">
            Showing the {d.bindings.length} most recently seen of {formatNumber(d.bindingsTotal)} bindings.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

export function CredentialExposures({ detail: d }: { detail: TCredentialDetail }) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2 sm:flex-row">
        <div className="flex flex-col gap-1">
          <CardTitle>Exposures</CardTitle>
          <CardDescription>Places this secret was found in clear. Only its fingerprint is kept.</CardDescription>
        </div>
        {d.exposures.length > 0 ? (
          // Key paths, servers and "mark remediated" live in the Exposures view.
          <Link href={`/exposures?credential=${d.id}&state=all`} className="shrink-0 text-ui font-medium text-primary hover:underline" data-testid="credential-exposures-link">
            Open in Exposures
          </Link>
        ) : null}
      </CardHeader>
      <CardContent>
        {d.exposures.length === 0 ? (
          <p className="text-ui text-muted-foreground">Not found in any scanned config file, repository, CI log or prompt.</p>
        ) : (
          <Table label="Exposures" data-testid="exposures-table">
            <THead>
              <tr>
                <TH>Where</TH>
                <TH>Found by</TH>
                <TH>Detected</TH>
                <TH>State</TH>
              </tr>
            </THead>
            <TBody>
              {d.exposures.map((e) => (
                <TR key={e.id}>
                  <TD className="min-w-56">
                    <span className="block [overflow-wrap:anywhere]">
                      {e.location}
                      {e.line !== null ? <span className="text-muted-foreground">:{e.line}</span> : null}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {e.locationKind.replace(/_/g, " ")}
                      {e.repository ? ` · ${e.repository}` : ""}
                    </span>
                  </TD>
                  <TD className="text-xs whitespace-nowrap">{e.detector}</TD>
                  <TD className="whitespace-nowrap">{formatDate(e.detectedAt)}</TD>
                  <TD>{e.resolvedAt ? <Badge tone="success">Resolved</Badge> : <Badge tone="danger">Open</Badge>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

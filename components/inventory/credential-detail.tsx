import { ArrowLeft, Workflow } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuditSummary } from "@/components/audit/audit-summary";
import { splitActorLabel } from "@/components/audit/format";
import { CredentialFlags, EnvironmentBadge, StatusBadge } from "@/components/inventory/badges";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import { Countdown } from "@/components/inventory/countdown";
import { formatDate, formatDuration, formatNumber, formatRelative, formatUtc } from "@/components/inventory/format";
import { AssignOwnerDialog, ClaimButton } from "@/components/inventory/ownership-controls";
import { TopologyGraph } from "@/components/topology/topology-graph";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TTopology } from "@/lib/inventory/topology";
import type { TCredentialDetail, TFilterOptions } from "@/lib/inventory/types";
import { IDENTITY_KIND_LABELS, KIND_LABELS, SOURCE_LABELS, type TIdentityKind } from "@/lib/inventory/vocabulary";

type TProps = {
  detail: TCredentialDetail;
  topology: TTopology;
  now: number;
  permissions: { assign: boolean; claim: boolean };
  options: Pick<TFilterOptions, "users" | "teams"> | null;
  riskPanel: ReactNode;
};

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-3 py-2 text-ui">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}

function Time({ iso, now, empty }: { iso: string | null; now: number; empty: string }) {
  if (!iso) return <Muted>{empty}</Muted>;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatUtc(iso)} <span className="text-muted-foreground">· {formatRelative(iso, now)}</span>
    </time>
  );
}

function SummaryTile({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-surface p-3.5 shadow-xs" data-testid={testId}>
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <div className="mt-1.5 text-sm">{children}</div>
    </div>
  );
}

export function CredentialDetailView({ detail: d, topology, now, permissions, options, riskPanel }: TProps) {
  const orphaned = !d.owner || !d.owner.active;
  const ttl = d.issuedAt && d.expiresAt ? new Date(d.expiresAt).getTime() - new Date(d.issuedAt).getTime() : null;
  const used = new Set(d.usedScopes);

  return (
    <div className="flex flex-col gap-6" data-testid="credential-detail">
      <header className="flex flex-col gap-3">
        <Link href="/inventory" className="inline-flex w-fit items-center gap-1 text-ui text-muted-foreground hover:text-foreground">
          <ArrowLeft aria-hidden className="size-3.5" />
          Inventory
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-2xl" data-testid="credential-name">
              {d.name}
            </h1>
            <p className="mt-1 text-sm text-muted-foreground">
              {KIND_LABELS[d.kind]} issued by {d.provider.name}
              {d.identity ? ` · held by ${d.identity.name}` : ""}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-1.5">
              <StatusBadge status={d.status} />
              <EnvironmentBadge environment={d.environment} />
              <CredentialFlags exposureCount={d.exposureCount} consumerCount={d.consumerCount} orphaned={orphaned} />
            </div>
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {permissions.assign && options ? <AssignOwnerDialog credentialIds={[d.id]} options={options} /> : null}
            {permissions.claim && orphaned ? <ClaimButton credentialIds={[d.id]} /> : null}
          </div>
        </div>
      </header>

      <section aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <SummaryTile label="Risk" testId="summary-risk">
          <span className="flex items-center gap-2">
            <span className="text-2xl font-semibold tabular-nums">{d.riskScore}</span>
            <span className="text-muted-foreground">/ 100</span>
            <RiskLevelBadge level={d.riskLevel} />
          </span>
        </SummaryTile>
        <SummaryTile label="Expires" testId="summary-expires">
          {d.expiresAt ? (
            <span className="flex flex-col">
              <span className="font-medium">{formatDate(d.expiresAt)}</span>
              <Countdown to={d.expiresAt} serverNow={now} />
            </span>
          ) : (
            <span className="flex flex-col">
              <span className="font-medium text-warning">Never</span>
              <span className="text-ui text-muted-foreground">standing credential</span>
            </span>
          )}
        </SummaryTile>
        <SummaryTile label="Last used" testId="summary-last-used">
          {d.lastUsedAt ? (
            <span className="flex flex-col" suppressHydrationWarning>
              <span className="font-medium">{formatRelative(d.lastUsedAt, now)}</span>
              <span className="text-ui text-muted-foreground">{formatDate(d.lastUsedAt)}</span>
            </span>
          ) : (
            <span className="font-medium text-muted-foreground">Never observed</span>
          )}
        </SummaryTile>
        <SummaryTile label="Holders" testId="summary-holders">
          <span className="flex flex-col">
            <span className="font-medium tabular-nums">{formatNumber(d.consumerCount)}</span>
            <span className={d.exposureCount > 0 ? "text-ui text-danger" : "text-ui text-muted-foreground"}>
              {d.exposureCount > 0 ? `${d.exposureCount} open exposure${d.exposureCount === 1 ? "" : "s"}` : "no open exposure"}
            </span>
          </span>
        </SummaryTile>
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
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

          <Card>
            <CardHeader>
              <CardTitle>Risk factors</CardTitle>
              <CardDescription>Why the score is what it is, with the evidence and the framework items each factor maps to.</CardDescription>
            </CardHeader>
            <CardContent>{riskPanel}</CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Exposures</CardTitle>
              <CardDescription>Places this secret was found in clear. Only its fingerprint is kept.</CardDescription>
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

          <Card>
            <CardHeader>
              <CardTitle>Workflows</CardTitle>
            </CardHeader>
            <CardContent className="flex gap-3 text-ui text-muted-foreground">
              <Workflow aria-hidden className="mt-0.5 size-4 shrink-0" />
              <p>No rotation or revocation has been requested for this credential. Requests, approvals and every step they take will be listed here.</p>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
              <CardDescription>Audit events about this credential, newest first.</CardDescription>
            </CardHeader>
            <CardContent>
              {d.history.length === 0 ? (
                <p className="text-ui text-muted-foreground">No change recorded since it was discovered.</p>
              ) : (
                <ol className="flex flex-col divide-y divide-border" data-testid="credential-history">
                  {d.history.map((h) => {
                    const actor = splitActorLabel(h.actorLabel);
                    return (
                      <li key={h.seq} className="flex flex-col gap-1 py-2.5 first:pt-0 last:pb-0">
                        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ui">
                          <code className="rounded bg-surface-sunken px-1.5 py-0.5 text-xs ring-1 ring-border">{h.action}</code>
                          <span>{actor.name}</span>
                          {actor.role ? <span className="text-xs text-muted-foreground">{actor.role}</span> : null}
                          <time dateTime={h.time} className="ml-auto text-xs text-muted-foreground tabular-nums">
                            {formatUtc(h.time)} · #{h.seq}
                          </time>
                        </div>
                        <AuditSummary summary={h.summary} />
                      </li>
                    );
                  })}
                </ol>
              )}
            </CardContent>
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent className="py-2">
              <dl className="divide-y divide-border">
                <Row label="Owner" testId="detail-owner">
                  {d.owner ? (
                    <span className="flex flex-col">
                      <span className={d.owner.active ? undefined : "line-through"}>{d.owner.name}</span>
                      <span className="text-xs text-muted-foreground">
                        {d.owner.email}
                        {d.owner.active ? "" : " · deactivated"}
                      </span>
                    </span>
                  ) : (
                    <Muted>No owner</Muted>
                  )}
                </Row>
                <Row label="Team" testId="detail-team">
                  {d.team ? <Link className="text-primary hover:underline" href={`/inventory?team=${d.team.id}`}>{d.team.name}</Link> : <Muted>No team</Muted>}
                </Row>
                <Row label="Provider">
                  <Link className="text-primary hover:underline" href={`/inventory?provider=${d.provider.id}`}>
                    {d.provider.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {d.provider.type} · {d.provider.sensitivity} sensitivity
                  </span>
                </Row>
                <Row label="Kind">{KIND_LABELS[d.kind]}</Row>
                <Row label="Held by">
                  {d.identity ? (
                    <Link className="text-primary hover:underline" href={`/identities/${d.identity.id}`}>
                      {d.identity.name}
                    </Link>
                  ) : (
                    <Muted>No identity</Muted>
                  )}
                  {d.identity ? <span className="block text-xs text-muted-foreground">{IDENTITY_KIND_LABELS[d.identity.kind]}</span> : null}
                </Row>
                <Row label="Status">
                  <StatusBadge status={d.status} />
                </Row>
                <Row label="Source">{SOURCE_LABELS[d.source as keyof typeof SOURCE_LABELS] ?? d.source}</Row>
                <Row label="Issued">
                  <Time iso={d.issuedAt} now={now} empty="Unknown" />
                </Row>
                <Row label="Expires" testId="detail-expires">
                  {d.expiresAt ? <Time iso={d.expiresAt} now={now} empty="" /> : <span className="text-warning">Never</span>}
                </Row>
                <Row label="TTL">{ttl !== null ? formatDuration(ttl) : d.expiresAt ? <Muted>Issue time unknown</Muted> : <span className="text-warning">Unlimited</span>}</Row>
                <Row label="Last used">
                  <Time iso={d.lastUsedAt} now={now} empty="Never observed" />
                </Row>
                <Row label="Last rotated">
                  <Time iso={d.lastRotatedAt} now={now} empty="Never" />
                </Row>
                <Row label="Discovered">
                  <Time iso={d.createdAt} now={now} empty="" />
                </Row>
                <Row label="External id">{d.externalId ? <code className="text-xs">{d.externalId}</code> : <Muted>None</Muted>}</Row>
                <Row label="Fingerprint">
                  {d.fingerprint ? (
                    <span className="flex items-start gap-1">
                      <code className="text-xs break-all" title={d.fingerprint}>
                        {d.fingerprint.slice(0, 23)}…
                      </code>
                      <CopyButton value={d.fingerprint} label="Copy fingerprint" className="-mt-1" />
                    </span>
                  ) : (
                    <Muted>Not seen yet</Muted>
                  )}
                </Row>
                <Row label="Hint">{d.hint ? <code className="text-xs">••••{d.hint}</code> : <Muted>None</Muted>}</Row>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Scopes</CardTitle>
              <CardDescription>{d.usedScopes.length > 0 ? "Solid: seen in use. Outlined: granted, never seen used." : "What it may do. No use of individual scopes observed yet."}</CardDescription>
            </CardHeader>
            <CardContent>
              {d.scopes.length === 0 ? (
                <Muted>No scopes recorded</Muted>
              ) : (
                <ul className="flex flex-wrap gap-1.5" data-testid="detail-scopes">
                  {d.scopes.map((s) => (
                    <li key={s}>
                      <Badge tone={used.has(s) ? "primary" : "outline"} className="font-mono">
                        {s}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Audiences</CardTitle>
              <CardDescription>Where it is meant to be accepted (RFC 8707 resource indicators).</CardDescription>
            </CardHeader>
            <CardContent>
              {d.audiences.length === 0 ? (
                <p className="text-ui">
                  <span className="font-medium text-warning">Any audience.</span>{" "}
                  <span className="text-muted-foreground">Not bound to a resource: any server that sees it can replay it.</span>
                </p>
              ) : (
                <ul className="flex flex-col gap-1">
                  {d.audiences.map((a) => (
                    <li key={a}>
                      <code className="text-xs [overflow-wrap:anywhere]">{a}</code>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

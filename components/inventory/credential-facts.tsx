import Link from "next/link";
import { DetailList, Muted, TimeValue } from "@/components/detail/entity-header";
import { StatusBadge } from "@/components/inventory/badges";
import { PrivilegeBadge } from "@/components/inventory/privilege-badge";
import { formatDuration } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { TCredentialDetail } from "@/lib/inventory/types";
import { IDENTITY_KIND_LABELS, KIND_LABELS, SOURCE_LABELS } from "@/lib/inventory/vocabulary";

/** The side column of a credential's page: its facts, scopes and audiences. */
export function CredentialFacts({ detail: d, now }: { detail: TCredentialDetail; now: number }) {
  const ttl = d.issuedAt && d.expiresAt ? new Date(d.expiresAt).getTime() - new Date(d.issuedAt).getTime() : null;
  const used = new Set(d.usedScopes);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent className="py-2">
          <DetailList
            rows={[
              {
                label: "Owner",
                testId: "detail-owner",
                value: d.owner ? (
                  <span className="flex flex-col">
                    <span className={d.owner.active ? undefined : "line-through"}>{d.owner.name}</span>
                    <span className="text-xs text-muted-foreground">
                      {d.owner.email}
                      {d.owner.active ? "" : `${d.owner.email ? " · " : ""}deactivated`}
                    </span>
                  </span>
                ) : (
                  <Muted>No owner</Muted>
                ),
              },
              {
                label: "Team",
                testId: "detail-team",
                value: d.team ? <Link className="text-primary hover:underline" href={`/inventory?team=${d.team.id}`}>{d.team.name}</Link> : <Muted>No team</Muted>,
              },
              [
                "Provider",
                <>
                  <Link className="text-primary hover:underline" href={`/inventory?provider=${d.provider.id}`}>
                    {d.provider.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {d.provider.type} · {d.provider.sensitivity} sensitivity
                  </span>
                </>,
              ],
              ["Kind", KIND_LABELS[d.kind]],
              [
                "Held by",
                <>
                  {d.identity ? (
                    <Link className="text-primary hover:underline" href={`/identities/${d.identity.id}`}>
                      {d.identity.name}
                    </Link>
                  ) : (
                    <Muted>No identity</Muted>
                  )}
                  {d.identity ? <span className="block text-xs text-muted-foreground">{IDENTITY_KIND_LABELS[d.identity.kind]}</span> : null}
                </>,
              ],
              ["Status", <StatusBadge key="status" status={d.status} />],
              ["Source", SOURCE_LABELS[d.source as keyof typeof SOURCE_LABELS] ?? d.source],
              ["Issued", <TimeValue key="issued" iso={d.issuedAt} now={now} empty="Unknown" />],
              { label: "Expires", testId: "detail-expires", value: d.expiresAt ? <TimeValue iso={d.expiresAt} now={now} empty="" /> : <span className="text-warning">Never</span> },
              ["TTL", ttl !== null ? formatDuration(ttl) : d.expiresAt ? <Muted>Issue time unknown</Muted> : <span className="text-warning">Unlimited</span>],
              ...(d.refreshedBy
                ? [{
                    label: "Refreshed by",
                    testId: "detail-refreshed-by",
                    value: (
                      <>
                        <Link className="text-primary hover:underline" href={`/inventory/${d.refreshedBy.id}`}>
                          {d.refreshedBy.name}
                        </Link>
                        <span className="block text-xs text-muted-foreground">
                          {d.autoRefresh ? "renews this token before it lapses" : "no longer live: this token lapses at its expiry"}
                        </span>
                      </>
                    ),
                  }]
                : []),
              ["Last used", <TimeValue key="used" iso={d.lastUsedAt} now={now} empty="Never observed" />],
              ["Last rotated", <TimeValue key="rotated" iso={d.lastRotatedAt} now={now} empty="Never" />],
              ["Discovered", <TimeValue key="created" iso={d.createdAt} now={now} empty="" />],
              ["External id", d.externalId ? <code className="text-xs">{d.externalId}</code> : <Muted>None</Muted>],
              [
                "Fingerprint",
                d.fingerprint ? (
                  <span className="flex items-start gap-1">
                    <code className="text-xs break-all" title={d.fingerprint}>
                      {d.fingerprint.slice(0, 23)}…
                    </code>
                    <CopyButton value={d.fingerprint} label="Copy fingerprint" className="-mt-1" />
                  </span>
                ) : (
                  <Muted>Not seen yet</Muted>
                ),
              ],
              ["Hint", d.hint ? <code className="text-xs">••••{d.hint}</code> : <Muted>None</Muted>],
            ]}
          />
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
            <ul className="flex flex-col gap-2" data-testid="detail-scopes">
              {d.scopeGrants.map((g, i) => (
                <li key={`${i}-${g.scope}`} className="flex flex-col gap-0.5" data-testid="detail-scope">
                  <span className="flex flex-wrap items-center gap-1.5">
                    <Badge tone={used.has(g.scope) ? "primary" : "outline"} className="font-mono whitespace-normal [overflow-wrap:anywhere]">
                      {g.scope}
                    </Badge>
                    <PrivilegeBadge privilege={g.privilege} />
                  </span>
                  <span className="text-xs text-muted-foreground">{g.reason}</span>
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
    </>
  );
}

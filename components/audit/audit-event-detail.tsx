import Link from "next/link";
import type { TAuditEventDetail } from "@/lib/audit/queries";
import { targetHref, targetTypeLabel } from "@/lib/audit/target-links";
import { DetailList, EntityHeader, Muted } from "@/components/detail/entity-header";
import { AuditDiff } from "@/components/audit/audit-diff";
import { formatUtc, splitActorLabel } from "@/components/audit/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

const link = "text-primary underline-offset-4 hover:underline";

function Hash({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex items-start gap-1">
      <code className="font-mono text-xs [overflow-wrap:anywhere]">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** One audit event: who did what to which target, the change itself, and what proves it. */
export function AuditEventDetail({ event }: { event: TAuditEventDetail }) {
  const actor = splitActorLabel(event.actorLabel);
  const href = targetHref(event.targetType, event.targetId);
  const seq = BigInt(event.seq);
  const targetFilter = new URLSearchParams({ targetType: event.targetType, ...(event.targetId ? { targetId: event.targetId } : {}) });
  return (
    <>
      <EntityHeader back={{ href: "/audit", label: "Audit trail" }} title={`Event #${event.seq}`} subtitle={`${event.action} · ${formatUtc(event.time)}`} testId="audit-event-title" />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>What happened</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              rows={[
                ["Time (UTC)", <time key="t" dateTime={event.time}>{formatUtc(event.time)}</time>],
                [
                  "Actor",
                  <span key="a">
                    <Link className={link} href={`/audit?actor=${encodeURIComponent(event.actorId ?? "system")}`} title="All events by this actor">
                      {actor.name}
                    </Link>
                    {actor.role ? <Muted> · {actor.role}</Muted> : null}
                  </span>,
                ],
                ["Action", <Link key="ac" className={`${link} font-mono text-xs`} href={`/audit?action=${encodeURIComponent(event.action)}`}>{event.action}</Link>],
                {
                  label: "Target",
                  testId: "audit-event-target",
                  value: (
                    <span className="flex flex-col gap-0.5">
                      {href ? (
                        <Link className={link} href={href} data-testid="audit-target-link">
                          {targetTypeLabel(event.targetType)}
                        </Link>
                      ) : (
                        <span>{targetTypeLabel(event.targetType)}</span>
                      )}
                      {event.targetId ? <code className="font-mono text-xs text-muted-foreground">{event.targetId}</code> : null}
                      <Link className={`${link} text-xs`} href={`/audit?${targetFilter.toString()}`}>
                        All events about this target
                      </Link>
                    </span>
                  ),
                },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Integrity</CardTitle>
            <CardDescription>Its place in the hash chain and the signature that covers it.</CardDescription>
          </CardHeader>
          <CardContent>
            <DetailList
              rows={[
                ["Sequence", <span key="s" className="tabular-nums">#{event.seq}</span>],
                { label: "Hash", value: <Hash value={event.hash} label={`Copy hash of event ${event.seq}`} />, testId: "audit-event-hash" },
                [
                  "Previous hash",
                  <span key="p" className="flex flex-col gap-0.5">
                    <Hash value={event.prevHash} label={`Copy previous hash of event ${event.seq}`} />
                    {seq > 1n ? (
                      <Link className={`${link} text-xs`} href={`/audit/${seq - 1n}`}>
                        Event #{(seq - 1n).toString()}
                      </Link>
                    ) : (
                      <Muted>the chain&apos;s start</Muted>
                    )}
                  </span>,
                ],
                {
                  label: "Signed by",
                  testId: "audit-event-checkpoint",
                  value: event.checkpoint ? (
                    <span>
                      Checkpoint #{event.checkpoint.seq} · {formatUtc(event.checkpoint.signedAt)} · key <code className="font-mono text-xs">{event.checkpoint.keyId}</code>
                    </span>
                  ) : (
                    <Muted>No checkpoint yet: covered by the hash chain until the next one is signed.</Muted>
                  ),
                },
              ]}
            />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Change</CardTitle>
            <CardDescription>Only the fields that differ between before and after.</CardDescription>
          </CardHeader>
          <CardContent>
            <AuditDiff summary={event.summary} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

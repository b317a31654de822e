import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { targetHref, targetTypeLabel } from "@/lib/audit/target-links";
import { AuditSummary } from "@/components/audit/audit-summary";
import { CopyButton } from "@/components/ui/copy-button";
import { formatUtc, shortHash, splitActorLabel } from "@/components/audit/format";

// Type-only import: erased at build, so the server-only query module never reaches a bundle.
import type { TAuditEventRow } from "@/lib/audit/queries";

export type TAuditRowView = TAuditEventRow;

/** The target type, linked to the target's page when it has one (lib/audit/target-links.ts). */
export function TargetLink({ type, id }: { type: string; id: string | null }) {
  const href = targetHref(type, id);
  const label = targetTypeLabel(type);
  return href ? (
    <Link href={href} className="text-primary underline-offset-4 hover:underline">
      {label}
    </Link>
  ) : (
    <span className="text-foreground">{label}</span>
  );
}

export function AuditTable({ items }: { items: TAuditRowView[] }) {
  return (
    <Table label="Audit events, newest first" data-testid="audit-table">
      <THead>
        <tr>
          <TH className="w-16 text-right">Seq</TH>
          <TH>Time (UTC)</TH>
          <TH>Actor</TH>
          <TH>Action</TH>
          <TH>Target</TH>
          <TH>Change</TH>
          <TH>Hash</TH>
        </tr>
      </THead>
      <TBody>
        {items.map((event) => {
          const actor = splitActorLabel(event.actorLabel);
          return (
            <TR key={event.seq} data-testid={`audit-row-${event.seq}`}>
              <TD className="text-right font-mono tabular-nums">
                <Link href={`/audit/${event.seq}`} className="text-primary underline-offset-4 hover:underline" data-testid="audit-open" aria-label={`Open event ${event.seq}`}>
                  #{event.seq}
                </Link>
              </TD>
              <TD className="whitespace-nowrap tabular-nums">
                <time dateTime={event.time} title={event.time}>
                  {formatUtc(event.time).replace(" UTC", "")}
                </time>
              </TD>
              <TD className="max-w-56">
                <span className="block truncate" title={event.actorLabel}>
                  {actor.name}
                </span>
                {actor.role ? <span className="text-xs text-muted-foreground">{actor.role}</span> : null}
              </TD>
              <TD className="whitespace-nowrap">
                <code className="rounded bg-surface-sunken px-1.5 py-0.5 text-xs text-foreground ring-1 ring-border">{event.action}</code>
              </TD>
              <TD className="whitespace-nowrap">
                <TargetLink type={event.targetType} id={event.targetId} />
                {event.targetId ? (
                  <span className="block font-mono text-xs text-muted-foreground" title={event.targetId}>
                    {shortHash(event.targetId, 8)}
                  </span>
                ) : null}
              </TD>
              <TD className="min-w-56">
                <AuditSummary summary={event.summary} />
              </TD>
              <TD className="whitespace-nowrap">
                <span className="inline-flex items-center gap-1">
                  <code className="font-mono text-xs text-foreground" title={`hash ${event.hash}\nprev ${event.prevHash}`} data-hash={event.hash}>
                    {shortHash(event.hash)}
                  </code>
                  <CopyButton value={event.hash} label={`Copy hash of event ${event.seq}`} />
                </span>
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

import { History } from "lucide-react";
import Link from "next/link";
import type { TActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/access";
import { listEntityHistory } from "@/lib/audit/queries";
import type { THistoryTargetType } from "@/lib/audit/target-links";
import { AuditSummary } from "@/components/audit/audit-summary";
import { formatUtc, splitActorLabel } from "@/components/audit/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const NOUN: Record<THistoryTargetType, string> = {
  credential: "credential",
  identity: "identity",
  mcp_server: "MCP server",
  provider: "provider",
  workflow: "workflow",
};

/**
 * "History" on an entity's detail page: the newest audit events about it, each opening its event
 * detail, and the whole list (keyset-paged) in the audit trail filtered to it. Who may read it is
 * audit.read (every role: the trail is open to all, as the entities are), asked here so a narrower
 * grant later hides the panel instead of leaking it.
 */
export async function EntityHistory({ actor, targetType, targetId, limit = 10, className }: { actor: TActor; targetType: THistoryTargetType; targetId: string; limit?: number; className?: string }) {
  if (!allows(actor, "audit.read")) return null;
  const { items, nextCursor } = await listEntityHistory(targetType, targetId, limit);
  const all = `/audit?${new URLSearchParams({ targetType, targetId }).toString()}`;
  return (
    <Card className={cn("mt-6", className)} data-testid="entity-history">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <History aria-hidden className="size-4 text-muted-foreground" />
          History
        </CardTitle>
        <CardDescription>Audit events about this {NOUN[targetType]}, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-ui text-muted-foreground">No change recorded yet.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-border" data-testid={`${targetType.replace(/_/g, "-")}-history`}>
            {items.map((h) => {
              const actorName = splitActorLabel(h.actorLabel);
              return (
                <li key={h.seq} className="flex flex-col gap-1 py-2.5 first:pt-0 last:pb-0" data-testid="history-item">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ui">
                    <code className="rounded bg-surface-sunken px-1.5 py-0.5 text-xs ring-1 ring-border">{h.action}</code>
                    <span>{actorName.name}</span>
                    {actorName.role ? <span className="text-xs text-muted-foreground">{actorName.role}</span> : null}
                    <span className="ml-auto flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
                      <time dateTime={h.time}>{formatUtc(h.time)}</time>
                      <Link href={`/audit/${h.seq}`} className="text-primary underline-offset-4 hover:underline" aria-label={`Open event ${h.seq}`}>
                        #{h.seq}
                      </Link>
                    </span>
                  </div>
                  <AuditSummary summary={h.summary} />
                </li>
              );
            })}
          </ol>
        )}
        {items.length > 0 ? (
          <p className="mt-3 border-t border-border pt-3 text-ui">
            <Link href={all} className="text-primary underline-offset-4 hover:underline" data-testid="entity-history-all">
              {nextCursor ? "All events in the audit trail" : "Open in the audit trail"}
            </Link>
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

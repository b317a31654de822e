import { formatUtc } from "@/components/inventory/format";
import type { TWorkflowEventView } from "@/lib/workflows/queries";
import { eventLabel, STATE_LABELS } from "@/lib/workflows/vocabulary";

const SHOWN_DETAIL = ["step", "attempt", "comment", "reason", "plan", "error", "message", "status", "retryable", "nextRunAt", "externalId", "scopes", "audience", "expiresAt", "active", "verified", "why", "skipped", "delivery", "revoked"];

function detailLine(detail: Record<string, unknown>): string {
  return SHOWN_DETAIL.filter((k) => detail[k] !== undefined && detail[k] !== null && detail[k] !== "")
    .map((k) => `${k}: ${Array.isArray(detail[k]) ? (detail[k] as unknown[]).join(", ") || "none" : String(detail[k])}`)
    .join(" · ");
}

/** Every move, approval, step attempt and provider answer, oldest first: who did what, when. */
export function WorkflowTimeline({ events }: { events: TWorkflowEventView[] }) {
  // A step's start is bookkeeping (its lease); its outcome, with the attempt, is what a reader needs.
  const shown = events.filter((e) => e.type !== "step_started");
  return (
    <ol className="relative flex flex-col gap-3 border-l border-border pl-4" data-testid="workflow-timeline">
      {shown.map((e) => {
        const moved = e.to && e.from !== e.to;
        const failed = e.type === "step_failed" || e.type === "step_retry";
        const line = detailLine(e.detail);
        const label = eventLabel(e.type, e.detail);
        return (
          <li key={e.id} className="relative" data-testid="workflow-event" data-type={e.type}>
            <span aria-hidden className={`absolute top-1.5 -left-[21px] size-2.5 rounded-full ring-2 ring-surface ${failed ? "bg-danger" : moved ? "bg-primary" : "bg-border-strong"}`} />
            <p className="text-ui">
              <span className="font-medium">{label}</span>
              {moved && STATE_LABELS[e.to!].label !== label ? <span className="text-muted-foreground"> → {STATE_LABELS[e.to!].label}</span> : null}
            </p>
            <p className="text-xs text-muted-foreground">
              <time dateTime={e.at}>{formatUtc(e.at)}</time> · {e.actor}
            </p>
            {line ? <p className={`mt-0.5 text-xs [overflow-wrap:anywhere] ${failed ? "text-danger" : "text-muted-foreground"}`}>{line}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

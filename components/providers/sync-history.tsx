import { formatRelative, formatUtc } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import type { TSyncRunRow } from "@/lib/providers/queries";

const n = (value: number) => value.toLocaleString("en");

function duration(run: TSyncRunRow): string {
  if (!run.finishedAt) return "running";
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

const STATUS = { running: ["primary", "Running"], succeeded: ["success", "Succeeded"], failed: ["danger", "Failed"] } as const;

/** The provider's recent syncs, newest first: what each saw and changed, and why one failed. A list, so it reads on a phone too. */
export function SyncHistory({ runs, now }: { runs: TSyncRunRow[]; now: number }) {
  return (
    <section aria-labelledby="sync-history-heading" className="flex flex-col gap-2">
      <h3 id="sync-history-heading" className="text-ui font-medium">
        History
      </h3>
      <ol className="divide-y divide-border rounded-lg border border-border" data-testid="provider-sync-history">
        {runs.map((run) => {
          const [tone, label] = STATUS[run.status];
          return (
            <li key={run.id} className="flex flex-col gap-1 px-3 py-2.5 text-ui" data-testid="provider-sync-run" data-status={run.status}>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Badge tone={tone}>{label}</Badge>
                <time dateTime={run.startedAt} title={formatUtc(run.startedAt)} className="font-medium" suppressHydrationWarning>
                  {formatRelative(run.startedAt, now)}
                </time>
                <span className="text-xs text-muted-foreground">
                  {run.trigger === "schedule" ? "scheduled" : `by ${run.requestedBy ?? "hand"}`} · {duration(run)}
                </span>
              </div>
              <p className="text-xs text-muted-foreground">
                <span className="text-foreground tabular-nums">{n(run.seen)}</span>
                {run.total !== null && run.total !== run.seen ? <span className="tabular-nums"> of {n(run.total)}</span> : null} seen ·{" "}
                <span className="text-foreground tabular-nums">{n(run.created)}</span> new · <span className="tabular-nums">{n(run.updated + run.restored)}</span> changed ·{" "}
                <span className="tabular-nums">{n(run.unchanged)}</span> unchanged
                {run.revokedUpstream > 0 ? (
                  <>
                    {" "}
                    · <span className="font-medium text-warning tabular-nums">{n(run.revokedUpstream)} gone upstream</span>
                  </>
                ) : null}
                {run.identities > 0 ? <> · {n(run.identities)} identities</> : null}
              </p>
              {run.error ? <p className="text-xs text-danger [overflow-wrap:anywhere]">{run.error}</p> : null}
              {run.warnings.length > 0 ? (
                <details className="text-xs text-warning">
                  <summary className="cursor-pointer">
                    {run.warnings.length} warning{run.warnings.length === 1 ? "" : "s"}
                  </summary>
                  <ul className="mt-1 list-disc pl-4 [overflow-wrap:anywhere]">
                    {run.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

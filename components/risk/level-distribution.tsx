import { LEVEL_BAR_CLASS, RISK_LEVEL_LABELS } from "@/components/risk/risk-level-badge";
import { cn } from "@/components/ui/cn";
import { RISK_LEVELS, type TRiskLevel } from "@/lib/risk/model";

/** Credentials per level as one stacked bar and a labelled count per level. */
export function LevelDistribution({ counts, label, testId, className }: { counts: Record<TRiskLevel, number>; label: string; testId?: string; className?: string }) {
  const total = RISK_LEVELS.reduce((n, l) => n + counts[l], 0);
  const levels = [...RISK_LEVELS].reverse();
  return (
    <div className={cn("flex flex-col gap-2", className)} data-testid={testId}>
      <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-surface-sunken ring-1 ring-border" role="img" aria-label={`${label}: ${levels.map((l) => `${counts[l]} ${RISK_LEVEL_LABELS[l].toLowerCase()}`).join(", ")}`}>
        {total > 0
          ? levels.map((l) => (counts[l] > 0 ? <span key={l} className={LEVEL_BAR_CLASS[l]} style={{ width: `${(counts[l] / total) * 100}%` }} /> : null))
          : null}
      </div>
      <dl className="grid grid-cols-5 gap-1 text-xs">
        {levels.map((l) => (
          <div key={l} className="flex min-w-0 flex-col">
            <dt className="flex items-center gap-1 truncate text-muted-foreground">
              <span aria-hidden className={cn("inline-block size-2 shrink-0 rounded-full", LEVEL_BAR_CLASS[l])} />
              {RISK_LEVEL_LABELS[l]}
            </dt>
            <dd className="font-medium tabular-nums text-foreground" data-testid={testId ? `${testId}-${l}` : undefined}>
              {counts[l].toLocaleString("en")}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

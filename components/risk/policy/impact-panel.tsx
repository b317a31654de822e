"use client";

import Link from "next/link";
import { LevelDistribution } from "@/components/risk/level-distribution";
import { RISK_LEVEL_LABELS, RiskLevelBadge } from "@/components/risk/risk-level-badge";
import type { TPolicyImpact } from "@/lib/risk/services/preview-policy-impact";

const n = (v: number) => v.toLocaleString("en");

/** What the draft would change: counts per level before and after, the transitions and the credentials concerned. */
export function ImpactPanel({ impact }: { impact: TPolicyImpact }) {
  return (
    <div className="flex flex-col gap-3" data-testid="policy-impact">
      <p className="text-sm" aria-live="polite">
        <span className="font-semibold tabular-nums" data-testid="policy-impact-level-changed">{n(impact.levelChanged)}</span> of {n(impact.scanned)} credentials
        change level
        {impact.levelChanged > 0 ? `: ${n(impact.levelRaised)} up, ${n(impact.levelLowered)} down` : ""}
        <span className="text-muted-foreground">
          {" "}· {n(impact.scoreChanged)} score{impact.scoreChanged === 1 ? "" : "s"} change
        </span>
      </p>
      {impact.recomputeWrites !== impact.scoreChanged ? (
        <p className="text-xs text-muted-foreground" data-testid="policy-impact-recompute-writes">
          Saving recomputes <span className="font-medium tabular-nums text-foreground">{n(impact.recomputeWrites)}</span> credential
          {impact.recomputeWrites === 1 ? "" : "s"}: stored scores are also brought up to date with time that has passed since the last recompute.
        </p>
      ) : null}
      <div className="flex flex-col gap-3">
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">Now</p>
          <LevelDistribution counts={impact.before} label="Levels under the active policy" testId="policy-impact-before" />
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-muted-foreground">With your changes</p>
          <LevelDistribution counts={impact.after} label="Levels under the draft" testId="policy-impact-after" />
        </div>
      </div>
      {impact.transitions.length > 0 ? (
        <ul className="flex flex-col gap-1 text-ui" aria-label="Level changes">
          {impact.transitions.slice(0, 6).map((t) => (
            <li key={`${t.from}-${t.to}`} className="flex items-center justify-between gap-2">
              <span>{RISK_LEVEL_LABELS[t.from]} → {RISK_LEVEL_LABELS[t.to]}</span>
              <span className="tabular-nums text-muted-foreground">{n(t.count)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {impact.samples.length > 0 ? (
        <details className="group text-ui">
          <summary className="cursor-pointer font-medium text-primary">Which credentials ({impact.samples.length === impact.levelChanged ? "all" : `top ${impact.samples.length}`})</summary>
          <ul className="mt-2 flex max-h-64 flex-col divide-y divide-border overflow-y-auto" data-testid="policy-impact-samples">
            {impact.samples.map((s) => (
              <li key={s.id} className="flex flex-col gap-1 py-1.5">
                <Link href={`/inventory/${s.id}`} className="truncate text-foreground hover:underline">{s.name}</Link>
                <span className="flex items-center gap-1.5">
                  <RiskLevelBadge level={s.before.level} score={s.before.score} />
                  <span aria-label="becomes" className="text-muted-foreground">→</span>
                  <RiskLevelBadge level={s.after.level} score={s.after.score} />
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="text-xs text-muted-foreground">Both columns are computed now, on the same data, so the difference is the policy change alone ({(impact.durationMs / 1000).toFixed(1)} s).</p>
    </div>
  );
}

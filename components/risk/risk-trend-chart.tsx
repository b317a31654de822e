import { LEVEL_BAR_CLASS, RISK_LEVEL_LABELS } from "@/components/risk/risk-level-badge";
import { cn } from "@/components/ui/cn";
import type { TRiskLevel } from "@/lib/risk/model";

export type TRiskTrendDayView = { day: string } & Record<TRiskLevel, number>;

const SERIES: { level: TRiskLevel; stroke: string }[] = [
  { level: "critical", stroke: "stroke-danger" },
  { level: "high", stroke: "stroke-danger/60" },
  { level: "medium", stroke: "stroke-warning" },
];
const W = 320;
const H = 90;
const PAD = { top: 6, right: 4, bottom: 16, left: 4 };

/**
 * The overview's risk trend: credentials at critical, high and medium per day (RiskDailyCount,
 * written by each recompute). Hand-drawn SVG lines with a legend; a table for screen readers.
 * Give it `getRiskTrend()` from lib/risk/queries.
 */
export function RiskTrendChart({ days, className }: { days: TRiskTrendDayView[]; className?: string }) {
  if (days.length === 0) {
    return <p className={cn("text-ui text-muted-foreground", className)}>No trend yet: the first full recompute writes the first point.</p>;
  }
  if (days.length === 1) {
    const only = days[0]!;
    return (
      <p className={cn("text-ui text-muted-foreground", className)} data-testid="risk-trend-chart">
        The trend starts on {only.day}: {SERIES.map((s) => `${only[s.level].toLocaleString("en")} ${RISK_LEVEL_LABELS[s.level].toLowerCase()}`).join(", ")}. A point is added every day.
      </p>
    );
  }
  const max = Math.max(1, ...days.flatMap((d) => SERIES.map((s) => d[s.level])));
  const x = (i: number) => PAD.left + (i / (days.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const last = days[days.length - 1]!;
  const summary = `Credentials by risk level, ${days[0]!.day} to ${last.day}: now ${SERIES.map((s) => `${last[s.level]} ${RISK_LEVEL_LABELS[s.level].toLowerCase()}`).join(", ")}.`;
  return (
    <figure className={cn("flex flex-col gap-2", className)} data-testid="risk-trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full overflow-visible" role="img" aria-label={summary}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="stroke-border" />
        {SERIES.map((s) => (
          <polyline
            key={s.level}
            points={days.map((d, i) => `${x(i).toFixed(1)},${y(d[s.level]).toFixed(1)}`).join(" ")}
            fill="none"
            className={s.stroke}
            strokeWidth={1.75}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ))}
        <text x={PAD.left} y={H - 3} className="fill-muted-foreground text-[8px]">{days[0]!.day}</text>
        <text x={W - PAD.right} y={H - 3} textAnchor="end" className="fill-muted-foreground text-[8px]">{last.day}</text>
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {SERIES.map((s) => (
          <span key={s.level} className="inline-flex items-center gap-1.5">
            <span aria-hidden className={cn("inline-block h-1.5 w-3 rounded-full", LEVEL_BAR_CLASS[s.level])} />
            {RISK_LEVEL_LABELS[s.level]} <span className="font-medium text-foreground tabular-nums">{last[s.level].toLocaleString("en")}</span>
          </span>
        ))}
        <table className="sr-only">
          <caption>Credentials by risk level per day</caption>
          <thead>
            <tr><th scope="col">Day</th>{SERIES.map((s) => <th key={s.level} scope="col">{RISK_LEVEL_LABELS[s.level]}</th>)}</tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}><td>{d.day}</td>{SERIES.map((s) => <td key={s.level}>{d[s.level]}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

import { RISK_LEVEL_LABELS } from "@/components/risk/risk-level-badge";
import type { TRiskLevel } from "@/lib/risk/model";
import { formatScore } from "@/lib/risk/format-score";

export type TScorePointView = { time: string; score: number; level: TRiskLevel; policyVersion: number | null };

const W = 320;
const H = 96;
const PAD = { top: 6, right: 6, bottom: 18, left: 24 };
const day = (iso: string) => iso.slice(0, 10);

/**
 * A credential's score over time as a step line (the score holds until the next change), drawn in
 * SVG. Screen readers get the same data as a table.
 */
export function RiskScoreTrendChart({ points, now, title = "Risk score history" }: { points: TScorePointView[]; now: string; title?: string }) {
  if (points.length === 0) return <p className="text-ui text-muted-foreground">No score history yet: a point is added whenever the score or level changes.</p>;
  const t0 = Date.parse(points[0]!.time);
  const t1 = Math.max(Date.parse(now), t0 + 1);
  const x = (iso: string) => PAD.left + ((Date.parse(iso) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (H - PAD.top - PAD.bottom);
  let d = `M ${x(points[0]!.time).toFixed(1)} ${y(points[0]!.score).toFixed(1)}`;
  for (const p of points.slice(1)) d += ` H ${x(p.time).toFixed(1)} V ${y(p.score).toFixed(1)}`;
  d += ` H ${(W - PAD.right).toFixed(1)}`;
  const last = points[points.length - 1]!;
  const summary = `${title}: ${points.length} change${points.length === 1 ? "" : "s"} since ${day(points[0]!.time)}; now ${formatScore(last.score)} (${RISK_LEVEL_LABELS[last.level]}).`;
  return (
    <figure className="flex flex-col gap-1" data-testid="risk-score-trend">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-xl overflow-visible" role="img" aria-label={summary}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-border" strokeDasharray={v === 0 ? undefined : "2 3"} />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" className="fill-muted-foreground text-[8px] tabular-nums">
              {v}
            </text>
          </g>
        ))}
        <path d={d} fill="none" className="stroke-primary" strokeWidth={1.75} strokeLinejoin="round" />
        {points.map((p) => (
          <circle key={p.time} cx={x(p.time)} cy={y(p.score)} r={2.25} className="fill-surface stroke-primary" strokeWidth={1.5}>
            <title>{`${day(p.time)}: ${formatScore(p.score)} (${RISK_LEVEL_LABELS[p.level]})${p.policyVersion !== null ? `, policy v${p.policyVersion}` : ""}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 4} className="fill-muted-foreground text-[8px]">
          {day(points[0]!.time)}
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="fill-muted-foreground text-[8px]">
          now
        </text>
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Score</th><th scope="col">Level</th></tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.time}><td>{day(p.time)}</td><td>{formatScore(p.score)}</td><td>{RISK_LEVEL_LABELS[p.level]}</td></tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

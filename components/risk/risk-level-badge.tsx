import { CircleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TRiskLevel } from "@/lib/risk/model";
import { formatScore } from "@/lib/risk/format-score";

export const RISK_LEVEL_LABELS: Record<TRiskLevel, string> = { none: "None", low: "Low", medium: "Medium", high: "High", critical: "Critical" };

const TONE: Record<TRiskLevel, "danger" | "warning" | "primary" | "neutral"> = {
  critical: "danger",
  high: "danger",
  medium: "warning",
  low: "primary",
  none: "neutral",
};

/** The level in words (and the score, if given): colour is never the only signal. Same look as the inventory's badge. */
export function RiskLevelBadge({ level, score, className }: { level: TRiskLevel; score?: number; className?: string }) {
  return (
    <Badge
      tone={TONE[level]}
      className={cn("tabular-nums", level === "critical" && "font-semibold", className)}
      title={score === undefined ? undefined : `Risk score ${formatScore(score)} of 100`}
      data-level={level}
    >
      {level === "critical" || level === "high" ? <CircleAlert aria-hidden /> : null}
      {RISK_LEVEL_LABELS[level]}
      {score === undefined ? null : <span className="opacity-80">· {formatScore(score)}</span>}
    </Badge>
  );
}

/** Bar colours per level for charts and distributions (semantic tokens only). */
export const LEVEL_BAR_CLASS: Record<TRiskLevel, string> = {
  none: "bg-border-strong",
  low: "bg-primary/60",
  medium: "bg-warning",
  high: "bg-danger/75",
  critical: "bg-danger",
};

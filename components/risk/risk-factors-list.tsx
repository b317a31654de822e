import { FactorLink } from "@/components/risk/factor-link";
import { FactorFixLinks } from "@/components/risk/factor-fix-links";
import { FrameworkChip } from "@/components/risk/framework-chip";
import { EvidenceText } from "@/components/risk/evidence-text";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import Link from "next/link";
import type { TFactorResult, TRiskLevel, TSensitivity } from "@/lib/risk/model";
import { usageHref } from "@/lib/usage/hop-log-params";
import { USAGE_FACTORS } from "@/lib/usage/usage-factors";

export type TRiskFactorsData = {
  score: number;
  level: TRiskLevel;
  factors: TFactorResult[];
  scoredAt: string | null;
  policyVersion: number | null;
  provider: { name: string; sensitivity: TSensitivity };
  /** The sensitivity multiplier of the policy version it was scored with, when known. */
  multiplier: number | null;
};

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * Every factor of a credential's score with its points, evidence, remediation and framework items,
 * strongest first, and how the points combine. Presentational: give it the stored result.
 */
export function RiskFactorsList({
  data,
  fixFor,
  hopsFor,
}: {
  data: TRiskFactorsData;
  /** The credential whose factors these are: factors with a fix in the app link to it. */
  fixFor?: string;
  /** The credential whose factors these are: usage factors link to its hops in the explorer (their proof). */
  hopsFor?: string;
}) {
  if (!data.scoredAt) {
    return <p className="text-ui text-muted-foreground">Not scored yet. Every credential is scored by the next full recompute (Settings → Risk policy).</p>;
  }
  const scored = `Scored ${utc(data.scoredAt)}${data.policyVersion !== null ? ` under policy v${data.policyVersion}` : ""}.`;
  if (data.factors.length === 0) {
    return (
      <p className="text-ui text-muted-foreground" data-testid="risk-factors-empty">
        No risk factor applies. {scored}
      </p>
    );
  }
  const factors = [...data.factors].sort((a, b) => b.points - a.points);
  return (
    <div className="flex flex-col gap-3" data-testid="risk-factors-panel">
      <div className="flex flex-wrap items-center gap-2">
        <RiskLevelBadge level={data.level} score={data.score} />
        <span className="text-xs text-muted-foreground">
          {factors.length === 1 ? "1 factor" : `${factors.length} factors`}, strongest counted in full, the others in part
          {data.multiplier !== null ? `; × ${data.multiplier} for ${data.provider.name} (sensitivity ${data.provider.sensitivity})` : ""}
        </span>
      </div>
      <ol className="flex flex-col divide-y divide-border">
        {factors.map((f) => (
          <li key={f.id} className="flex flex-col gap-1.5 py-3 first:pt-0 last:pb-0" data-testid={`risk-factor-${f.id}`}>
            <div className="flex flex-wrap items-center gap-2">
              <FactorLink id={f.id} title={f.title} className="text-sm font-medium text-foreground underline-offset-4 hover:text-primary hover:underline">
                {f.title}
              </FactorLink>
              <RiskLevelBadge level={f.severity} />
              <span className="text-xs text-muted-foreground tabular-nums">{f.points} points</span>
            </div>
            <p className="text-ui text-foreground">
              <EvidenceText text={f.evidence} />
            </p>
            <p className="text-ui text-muted-foreground">
              <span className="font-medium text-foreground">Fix: </span>
              {f.remediation}
            </p>
            {hopsFor && (USAGE_FACTORS as readonly string[]).includes(f.id) ? (
              <p>
                <Link href={usageHref({ credential: hopsFor })} className="text-ui font-medium text-primary underline-offset-4 hover:underline" data-testid={`risk-factor-hops-${f.id}`}>
                  See the hops behind it
                </Link>
              </p>
            ) : null}
            {fixFor ? <FactorFixLinks factorId={f.id} credentialId={fixFor} /> : null}
            {f.frameworks.length > 0 ? (
              <div className="flex flex-wrap gap-1" aria-label="Framework items">
                {f.frameworks.map((item) => (
                  <FrameworkChip key={item} id={item} />
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="text-xs text-muted-foreground">{scored}</p>
    </div>
  );
}

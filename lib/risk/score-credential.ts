import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import type { TFactorResult, TRiskLevel, TScoreResult, TScoringContext, TScoringCredential } from "@/lib/risk/model";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import { classifyGrant } from "@/lib/risk/factors/over-privileged";
import { privilegeSet, type TPrivilege } from "@/lib/scopes/privileges";

/**
 * The scorer: a pure function of (credential, context, policy). No I/O, no clock (the context
 * carries `now`), so the same inputs always give the same score — in the recompute job, in the
 * policy preview and in tests.
 *
 * Combination (docs/RISK.md): with p the factor points scaled to 0..1, M the strongest and w the
 * policy's `othersWeight`,
 *   combined = 1 − (1 − M) · (1 − w · (1 − Π_others (1 − p)))
 * The strongest factor counts in full and the others only close part of the remaining gap, so many
 * mild factors cannot outweigh — or dilute — one severe one, and adding a factor never lowers the
 * result. Then the provider's sensitivity multiplies it; a multiplier below 1 never takes a credential
 * whose strongest factor alone reaches "high" below the high threshold.
 */

export function levelFor(score: number, levels: TRiskPolicy["levels"]): TRiskLevel {
  if (score >= levels.critical) return "critical";
  if (score >= levels.high) return "high";
  if (score >= levels.medium) return "medium";
  if (score >= levels.low) return "low";
  return "none";
}

/** The combined 0..100 value of a list of factor points (before the sensitivity multiplier). */
export function combinePoints(points: readonly number[], othersWeight: number): number {
  if (points.length === 0) return 0;
  let strongest = 0;
  let strongestAt = 0;
  for (let i = 0; i < points.length; i++) {
    if (points[i]! > strongest) {
      strongest = points[i]!;
      strongestAt = i;
    }
  }
  let untouched = 1;
  for (let i = 0; i < points.length; i++) if (i !== strongestAt) untouched *= 1 - points[i]! / 100;
  const others = othersWeight * (1 - untouched);
  return 100 * (1 - (1 - strongest / 100) * (1 - others));
}

/**
 * The provider's sensitivity on a combined 0..100 value. Up to 1 it scales (a test system's finding
 * counts for less); above 1 it closes the remaining gap to 100 by a power, 100·(1 − (1 − c)^m), so
 * it never clips: a multiplier times a high score would pin every severe credential of a critical
 * provider at exactly 100, and the top of the list would stop ranking.
 */
/** Scores are kept to one decimal: fine enough that different evidence rarely lands on one value. */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

export function applySensitivity(combined: number, multiplier: number): number {
  if (multiplier <= 1) return combined * multiplier;
  return 100 * (1 - Math.pow(1 - combined / 100, multiplier));
}

/**
 * What the grants allow, whatever the status (the inventory filters on it): the same reading as the
 * over-privileged factor, so a scope the policy treats as admin is admin in the filter too.
 */
function privilegesOf(credential: TScoringCredential, context: TScoringContext, policy: TRiskPolicy): TPrivilege[] {
  const patterns = policy.factors["over-privileged"]?.adminScopePatterns ?? [];
  return privilegeSet(credential.scopes.map((scope) => classifyGrant(context.provider.type, scope, patterns)));
}

function notScored(policy: TRiskPolicy, credential: TScoringCredential, context: TScoringContext, reason: string): TScoreResult {
  const multiplier = policy.sensitivity[context.provider.sensitivity];
  return {
    score: 0,
    level: "none",
    factors: [],
    privileges: privilegesOf(credential, context, policy),
    breakdown: { strongest: 0, combined: 0, sensitivity: context.provider.sensitivity, multiplier, floor: 0, scored: false, reason },
  };
}

export function scoreCredential(credential: TScoringCredential, context: TScoringContext, policy: TRiskPolicy): TScoreResult {
  if (!policy.scoredStatuses.includes(credential.status)) {
    return notScored(policy, credential, context, `Status ${credential.status} carries no standing risk under the policy.`);
  }
  if (credential.expiresAt !== null && credential.expiresAt <= context.now) {
    return notScored(policy, credential, context, "Expired: it can no longer be presented.");
  }

  const factors: TFactorResult[] = [];
  for (const factor of FACTOR_LIST) {
    const settings = policy.factors[factor.id as keyof TRiskPolicy["factors"]];
    if (!settings?.enabled) continue;
    const hit = factor.evaluate(credential, context, settings as never);
    if (!hit) continue;
    factors.push({
      id: factor.id,
      title: factor.title,
      points: hit.points,
      severity: levelFor(hit.points, policy.levels),
      evidence: hit.evidence,
      remediation: hit.remediation,
      frameworks: [...factor.frameworks],
    });
  }
  // Strongest first; equal points keep registry order (sort is stable).
  factors.sort((a, b) => b.points - a.points);

  const points = factors.map((f) => f.points);
  const strongest = points[0] ?? 0;
  const combined = combinePoints(points, policy.combination.othersWeight);
  const multiplier = policy.sensitivity[context.provider.sensitivity];
  const floor = strongest >= policy.levels.high ? policy.levels.high : 0;
  const score = Math.min(100, Math.max(0, roundScore(Math.max(applySensitivity(combined, multiplier), floor))));
  return {
    score,
    level: levelFor(score, policy.levels),
    factors,
    privileges: privilegesOf(credential, context, policy),
    breakdown: { strongest, combined: Math.round(combined * 10) / 10, sensitivity: context.provider.sensitivity, multiplier, floor, scored: true },
  };
}

/** Framework item ids a result maps to, deduplicated, for CredentialRisk.frameworks. */
export function frameworksOf(factors: readonly Pick<TFactorResult, "frameworks">[]): string[] {
  const out = new Set<string>();
  for (const f of factors) for (const id of f.frameworks) out.add(id);
  return [...out].sort();
}

import type { TRiskLevel, TSensitivity } from "@/lib/risk/model";
import { RISK_LEVELS, SENSITIVITIES } from "@/lib/risk/model";
import type { TRotationPolicy, TRotationRule } from "./schema";

/**
 * Which rule asks for a credential's rotation, and whether its request may skip the owner's
 * approval. Pure (times in epoch ms): the job, the settings page's dry run and the tests share it.
 */

export const DAY = 86_400_000;

export type TPolicyCandidate = {
  id: string;
  kind: string;
  providerId: string;
  providerSensitivity: TSensitivity;
  level: TRiskLevel;
  createdAt: number;
  issuedAt: number | null;
  lastRotatedAt: number | null;
};

/** The risk policy's ceiling (autoApproval.scheduledRotations): a rule never auto-approves above it. */
export type TAutoApprovalCeiling = { enabled: boolean; maxLevel: "none" | "low" | "medium" };

export type TRuleMatch = { rule: TRotationRule; why: string; autoApprove: boolean };

const rank = <T extends string>(list: readonly T[], v: T) => list.indexOf(v);

export function inScope(rule: TRotationRule, c: TPolicyCandidate): boolean {
  const s = rule.scope;
  return (
    (s.providerIds.length === 0 || s.providerIds.includes(c.providerId)) &&
    (s.kinds.length === 0 || (s.kinds as string[]).includes(c.kind)) &&
    (s.levels.length === 0 || s.levels.includes(c.level))
  );
}

/** Why the rule asks now, or null when it does not (yet). */
export function dueReason(rule: TRotationRule, c: TPolicyCandidate, now: number): string | null {
  const born = c.issuedAt ?? c.createdAt;
  if (rule.maxTtlDays !== null && now - born >= rule.maxTtlDays * DAY) {
    return `lived ${Math.floor((now - born) / DAY)} d (rule allows ${rule.maxTtlDays} d)`;
  }
  if (rule.rotateEveryDays !== null) {
    const since = c.lastRotatedAt ?? born;
    if (now - since >= rule.rotateEveryDays * DAY) {
      return `${c.lastRotatedAt !== null ? "last rotated" : "never rotated, issued"} ${Math.floor((now - since) / DAY)} d ago (rule: every ${rule.rotateEveryDays} d)`;
    }
  }
  return null;
}

export function mayAutoApprove(rule: TRotationRule, c: TPolicyCandidate, ceiling: TAutoApprovalCeiling): boolean {
  if (!rule.autoApprove || !ceiling.enabled) return false;
  const maxLevel = Math.min(rank(RISK_LEVELS, rule.autoApprove.maxLevel), rank(RISK_LEVELS, ceiling.maxLevel));
  return rank(RISK_LEVELS, c.level) <= maxLevel && rank(SENSITIVITIES, c.providerSensitivity) <= rank(SENSITIVITIES, rule.autoApprove.maxSensitivity);
}

/** The first enabled rule in scope decides: if it is not due yet, later rules are not asked. */
export function matchCredential(policy: TRotationPolicy, c: TPolicyCandidate, now: number, ceiling: TAutoApprovalCeiling): TRuleMatch | null {
  for (const rule of policy.rules) {
    if (!rule.enabled || !inScope(rule, c)) continue;
    const why = dueReason(rule, c, now);
    return why ? { rule, why, autoApprove: mayAutoApprove(rule, c, ceiling) } : null;
  }
  return null;
}

/**
 * After `failures` policy requests in a row were rejected or expired, the next may be opened only
 * `backoffDays × 2^(failures−1)` days after the last (capped at a year); none failed = no wait.
 */
export function backoffUntil(lastRequestAt: number, failures: number, backoffDays: number): number {
  if (failures <= 0) return lastRequestAt;
  const days = Math.min(365, backoffDays * 2 ** Math.min(failures - 1, 9));
  return lastRequestAt + days * DAY;
}

/** The reminder lead times (days) whose moment has come for a credential expiring at `expiresAt`, largest first. */
export function dueReminders(leadDays: readonly number[], expiresAt: number, now: number): number[] {
  if (expiresAt <= now) return [];
  return [...leadDays].sort((a, b) => b - a).filter((d) => expiresAt - d * DAY <= now);
}

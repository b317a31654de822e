import "server-only";
import { db } from "@/lib/db/client";
import { FRAMEWORKS } from "@/lib/risk/frameworks/catalogue";
import { RISK_LEVELS, type TRiskLevel, type TFactorResult, type TSensitivity } from "@/lib/risk/model";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import { readRecomputeStatus, type TRecomputeStatus } from "@/lib/risk/recompute-status";
import { loadActivePolicy, loadPolicyVersion } from "@/lib/risk/services/active-policy";

/** Reads for risk pages and for other domains' pages (credential detail, overview). */

export type TLevelCounts = Record<TRiskLevel, number>;
const zero = (): TLevelCounts => Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as TLevelCounts;

export async function getLevelDistribution(): Promise<TLevelCounts> {
  const rows = await (await db()).credentialRisk.groupBy({ by: ["level"], _count: { _all: true } });
  const out = zero();
  for (const r of rows) out[r.level] = r._count._all;
  return out;
}

export type TPolicyVersionRow = { version: number; comment: string | null; createdAt: string; createdBy: string | null };

export async function listPolicyVersions(limit = 50): Promise<TPolicyVersionRow[]> {
  const prisma = await db();
  const rows = await prisma.riskPolicy.findMany({ orderBy: { version: "desc" }, take: limit, select: { version: true, comment: true, createdAt: true, createdById: true } });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((r) => ({ version: r.version, comment: r.comment, createdAt: r.createdAt.toISOString(), createdBy: r.createdById ? (users.get(r.createdById) ?? null) : null }));
}

export type TPolicyPageData = {
  active: { version: number; policy: TRiskPolicy; comment: string | null; createdAt: string | null };
  versions: TPolicyVersionRow[];
  distribution: TLevelCounts;
  recompute: TRecomputeStatus;
};

export async function getPolicyPageData(): Promise<TPolicyPageData> {
  const prisma = await db();
  const [active, versions, distribution, recompute] = await Promise.all([loadActivePolicy(prisma), listPolicyVersions(), getLevelDistribution(), readRecomputeStatus(prisma)]);
  return {
    active: { version: active.version, policy: active.policy, comment: active.comment, createdAt: active.createdAt?.toISOString() ?? null },
    versions,
    distribution,
    recompute,
  };
}

export async function getPolicyDocument(version: number): Promise<TRiskPolicy | null> {
  return (await loadPolicyVersion(await db(), version))?.policy ?? null;
}

export type TFrameworkItemCounts = { total: number; high: number; critical: number };
export type TFrameworkCounts = { computedAt: string; items: Map<string, TFrameworkItemCounts> };

const FRAMEWORK_CACHE_MS = 30_000;
const cache = globalThis as unknown as { __tokenwardFrameworkCounts?: { at: number; value: Promise<TFrameworkCounts> } };

/**
 * Credentials per framework item (any level) and how many of them are high / critical: one pass
 * over the table (about a second at a million rows on PostgreSQL), so the result is kept for 30 s
 * per process and the page says how old it is.
 */
export async function getFrameworkCounts(): Promise<TFrameworkCounts> {
  const hit = cache.__tokenwardFrameworkCounts;
  if (hit && Date.now() - hit.at < FRAMEWORK_CACHE_MS) return hit.value;
  const value = (async () => {
    const rows = await (await db()).$queryRawUnsafe<{ item: string; total: number; high: number; critical: number }[]>(
      `SELECT f.item, count(*)::int AS total,
              count(*) FILTER (WHERE r.level = 'high')::int AS high,
              count(*) FILTER (WHERE r.level = 'critical')::int AS critical
         FROM credential_risks r CROSS JOIN LATERAL unnest(r.frameworks) AS f(item)
        GROUP BY f.item`,
    );
    return { computedAt: new Date().toISOString(), items: new Map(rows.map((r) => [r.item, { total: r.total, high: r.high, critical: r.critical }])) };
  })();
  cache.__tokenwardFrameworkCounts = { at: Date.now(), value };
  value.catch(() => {
    if (cache.__tokenwardFrameworkCounts?.value === value) cache.__tokenwardFrameworkCounts = undefined;
  });
  return value;
}

export function frameworkCatalogue() {
  return FRAMEWORKS;
}

export type TScorePoint = { time: string; score: number; level: TRiskLevel; policyVersion: number | null };

/** A credential's score history, oldest first (RiskScoreSnapshot: one row per change). */
export async function getScoreHistory(credentialId: string, limit = 120): Promise<TScorePoint[]> {
  const rows = await (await db()).riskScoreSnapshot.findMany({
    where: { credentialId }, orderBy: { time: "desc" }, take: limit, select: { time: true, score: true, level: true, policyVersion: true },
  });
  return rows.reverse().map((r) => ({ time: r.time.toISOString(), score: r.score, level: r.level, policyVersion: r.policyVersion }));
}

export type TCredentialRisk = {
  id: string;
  name: string;
  score: number;
  level: TRiskLevel;
  factors: TFactorResult[];
  scoredAt: string | null;
  policyVersion: number | null;
  provider: { name: string; sensitivity: TSensitivity };
  multiplier: number | null;
};

export async function getCredentialRisk(credentialId: string): Promise<TCredentialRisk | null> {
  const prisma = await db();
  const row = await prisma.credential.findUnique({
    where: { id: credentialId },
    select: {
      id: true, name: true, provider: { select: { name: true, sensitivity: true } },
      risk: { select: { score: true, level: true, factors: true, scoredAt: true, policyVersion: true } },
    },
  });
  if (!row) return null;
  const risk = row.risk;
  const policyVersion = risk?.policyVersion ?? null;
  const policy = policyVersion !== null ? await loadPolicyVersion(prisma, policyVersion) : null;
  return {
    id: row.id,
    name: row.name,
    score: risk?.score ?? 0,
    level: risk?.level ?? "none",
    factors: Array.isArray(risk?.factors) ? (risk.factors as TFactorResult[]) : [],
    scoredAt: risk?.scoredAt?.toISOString() ?? null,
    policyVersion,
    provider: row.provider,
    multiplier: policy ? policy.policy.sensitivity[row.provider.sensitivity] : null,
  };
}

export type TRiskTrendDay = { day: string } & TLevelCounts;

/** Credentials per level per day for the last `days` days (days without a recompute are absent). */
export async function getRiskTrend(days = 30): Promise<TRiskTrendDay[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await (await db()).riskDailyCount.findMany({ where: { day: { gte: since } }, orderBy: { day: "asc" } });
  const byDay = new Map<string, TRiskTrendDay>();
  for (const r of rows) {
    const day = r.day.toISOString().slice(0, 10);
    const entry = byDay.get(day) ?? { day, ...zero() };
    entry[r.level] = r.count;
    byDay.set(day, entry);
  }
  return [...byDay.values()];
}

export async function getRecomputeStatus(): Promise<TRecomputeStatus> {
  return readRecomputeStatus(await db());
}

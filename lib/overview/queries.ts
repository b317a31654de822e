import "server-only";
import { db } from "@/lib/db/client";
import { autoRefreshSql } from "@/lib/inventory/auto-refresh";
import { orphanedSql } from "@/lib/inventory/orphaned";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STALE_AFTER_DAYS, type TCredentialKind, type TCredentialStatus, type TRiskLevel } from "@/lib/inventory/vocabulary";

/**
 * The overview dashboard's numbers. One pass over `credentials` computes every tile and every
 * breakdown (GROUPING SETS), plus three small index-range reads for the trends. At a million rows
 * that pass costs a few hundred milliseconds on PostgreSQL, so the result is cached per process for
 * CACHE_MS and the page says how old it is; the inventory's own counts never depend on it.
 */

export type TOverviewTiles = {
  total: number;
  active: number;
  expiring7: number;
  expiring30: number;
  neverExpires: number;
  stale: number;
  orphaned: number;
  exposed: number;
  shared: number;
  highRisk: number;
};

export type TBreakdownRow<K extends string = string> = { key: K; label?: string; count: number };

export type TWeekPoint = { week: string; count: number };

export type TOverview = {
  computedAt: string;
  tiles: TOverviewTiles;
  byProvider: TBreakdownRow[];
  byKind: TBreakdownRow<TCredentialKind>[];
  byStatus: TBreakdownRow<TCredentialStatus>[];
  byRisk: TBreakdownRow<TRiskLevel>[];
  discoveredPerWeek: TWeekPoint[];
  expiringPerWeek: TWeekPoint[];
  others: { identities: number; mcpServers: number; providers: number; auditEvents: number };
};

const CACHE_MS = 60_000;
/** Auto-refreshing access tokens renew themselves: their expiry is no call to rotate (not in the expiring tiles). */
const REFRESHING = autoRefreshSql("$1::timestamp(3)");
const ORPHANED = orphanedSql("c");
const DAY_MS = 86_400_000;
const TREND_WEEKS = 12;
const holder = globalThis as unknown as { __tokenwardOverview?: { at: number; value: Promise<TOverview> } };

export async function getOverview(): Promise<TOverview> {
  const cached = holder.__tokenwardOverview;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const value = computeOverview(await db(), new Date());
  holder.__tokenwardOverview = { at: Date.now(), value };
  value.catch(() => {
    if (holder.__tokenwardOverview?.value === value) holder.__tokenwardOverview = undefined;
  });
  return value;
}

type TAggRow = {
  provider_id: string | null;
  provider_name: string | null;
  kind: TCredentialKind | null;
  status: TCredentialStatus | null;
  risk_level: TRiskLevel | null;
  g_provider: number;
  g_kind: number;
  g_status: number;
  g_risk: number;
  n: number;
  active: number;
  expiring7: number;
  expiring30: number;
  never_expires: number;
  stale: number;
  orphaned: number;
  exposed: number;
  shared: number;
  high_risk: number;
};

export async function computeOverview(prisma: PrismaClient, now: Date): Promise<TOverview> {
  const at = now.toISOString();
  const in7 = new Date(now.getTime() + 7 * DAY_MS).toISOString();
  const in30 = new Date(now.getTime() + 30 * DAY_MS).toISOString();
  const staleCut = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS).toISOString();
  // Active means effectively active (lib/inventory/effective-status.ts): past its expiry is expired now.
  // The same predicates as the inventory filters the tiles link to (lib/inventory/query-builder.ts).
  const rows = await prisma.$queryRawUnsafe<TAggRow[]>(
    `SELECT c.provider_id, min(c.provider_name) AS provider_name, c.kind::text AS kind, (CASE WHEN c.status = 'active' AND c.expires_at <= $1::timestamp(3) THEN 'expired'::"CredentialStatus" ELSE c.status END)::text AS status, r.level::text AS risk_level,
            GROUPING(c.provider_id)::int AS g_provider, GROUPING(c.kind)::int AS g_kind, GROUPING((CASE WHEN c.status = 'active' AND c.expires_at <= $1::timestamp(3) THEN 'expired'::"CredentialStatus" ELSE c.status END))::int AS g_status, GROUPING(r.level)::int AS g_risk,
            count(*)::int AS n,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))))::int AS active,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.expires_at >= $1::timestamp(3) AND c.expires_at < $2::timestamp(3) AND NOT ${REFRESHING})::int AS expiring7,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.expires_at >= $1::timestamp(3) AND c.expires_at < $3::timestamp(3) AND NOT ${REFRESHING})::int AS expiring30,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.expires_at IS NULL)::int AS never_expires,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND (c.last_used_at < $4::timestamp(3) OR (c.last_used_at IS NULL AND coalesce(c.issued_at, c.created_at) < $4::timestamp(3))))::int AS stale,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND ${ORPHANED})::int AS orphaned,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.exposure_count > 0)::int AS exposed,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.consumer_count > 1)::int AS shared,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND r.level IN ('high', 'critical'))::int AS high_risk
       FROM credentials c JOIN credential_risks r ON r.credential_id = c.id
      GROUP BY GROUPING SETS ((), (c.provider_id), (c.kind), ((CASE WHEN c.status = 'active' AND c.expires_at <= $1::timestamp(3) THEN 'expired'::"CredentialStatus" ELSE c.status END)), (r.level))`,
    at, in7, in30, staleCut,
  );

  const total = rows.find((r) => r.g_provider && r.g_kind && r.g_status && r.g_risk);
  const tiles: TOverviewTiles = {
    total: total?.n ?? 0,
    active: total?.active ?? 0,
    expiring7: total?.expiring7 ?? 0,
    expiring30: total?.expiring30 ?? 0,
    neverExpires: total?.never_expires ?? 0,
    stale: total?.stale ?? 0,
    orphaned: total?.orphaned ?? 0,
    exposed: total?.exposed ?? 0,
    shared: total?.shared ?? 0,
    highRisk: total?.high_risk ?? 0,
  };
  const byDesc = <T extends { count: number }>(list: T[]) => list.sort((a, b) => b.count - a.count);
  const byProvider = byDesc(rows.filter((r) => !r.g_provider).map((r) => ({ key: r.provider_id!, label: r.provider_name ?? "", count: r.n })));
  const byKind = byDesc(rows.filter((r) => !r.g_kind).map((r) => ({ key: r.kind!, count: r.n })));
  const byStatus = rows.filter((r) => !r.g_status).map((r) => ({ key: r.status!, count: r.n }));
  const byRisk = rows.filter((r) => !r.g_risk).map((r) => ({ key: r.risk_level!, count: r.n }));

  const weekStart = startOfUtcWeek(now);
  const from = new Date(weekStart.getTime() - (TREND_WEEKS - 1) * 7 * DAY_MS);
  const until = new Date(weekStart.getTime() + TREND_WEEKS * 7 * DAY_MS);
  const [discovered, expiring, identities, mcpServers, providers, auditEvents] = await Promise.all([
    prisma.$queryRawUnsafe<{ week: Date | string; n: number }[]>(
      `SELECT date_trunc('week', c.created_at) AS week, count(*)::int AS n FROM credentials c
        WHERE c.created_at >= $1::timestamp(3) GROUP BY 1 ORDER BY 1`,
      from.toISOString(),
    ),
    prisma.$queryRawUnsafe<{ week: Date | string; n: number }[]>(
      `SELECT date_trunc('week', c.expires_at) AS week, count(*)::int AS n FROM credentials c
        WHERE c.status = 'active' AND c.expires_at > $1::timestamp(3) AND c.expires_at < $2::timestamp(3) AND NOT ${REFRESHING} GROUP BY 1 ORDER BY 1`,
      at, until.toISOString(),
    ),
    prisma.identity.count(),
    prisma.mcpServer.count(),
    prisma.provider.count(),
    prisma.$queryRawUnsafe<{ n: number }[]>("SELECT coalesce(max(seq), 0)::int AS n FROM audit_events"),
  ]);

  const weeks = (start: Date, count: number, points: { week: Date | string; n: number }[]): TWeekPoint[] => {
    const byWeek = new Map(points.map((p) => [new Date(p.week).toISOString().slice(0, 10), p.n]));
    return Array.from({ length: count }, (_, i) => {
      const week = new Date(start.getTime() + i * 7 * DAY_MS).toISOString().slice(0, 10);
      return { week, count: byWeek.get(week) ?? 0 };
    });
  };

  return {
    computedAt: now.toISOString(),
    tiles,
    byProvider,
    byKind,
    byStatus,
    byRisk,
    discoveredPerWeek: weeks(from, TREND_WEEKS, discovered),
    expiringPerWeek: weeks(weekStart, TREND_WEEKS, expiring),
    // audit_events.seq is gap-free from 1, so max(seq) is the exact count without a scan.
    others: { identities, mcpServers, providers, auditEvents: Number(auditEvents[0]?.n ?? 0) },
  };
}

/** Monday 00:00 UTC of the week containing `at` (date_trunc('week') semantics). */
export function startOfUtcWeek(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * DAY_MS);
}

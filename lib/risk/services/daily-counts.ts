import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import { RISK_LEVELS, type TRiskLevel } from "@/lib/risk/model";

/**
 * RiskDailyCount: credentials per risk level per UTC day, the overview's trend. A full recompute
 * writes the day's absolute counts; an incremental recompute applies its level changes as deltas
 * (or writes absolute counts if the day has no rows yet), so a single change never scans the table.
 */

type TSql = (Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">) | (Pick<TTx, "$executeRawUnsafe" | "$queryRawUnsafe">);

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export async function writeDailyCounts(db: TSql, at: Date): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO risk_daily_counts (day, level, count)
     SELECT $1::date, l.level, coalesce(c.n, 0)::int
       FROM unnest($2::"RiskLevel"[]) AS l(level)
       LEFT JOIN (SELECT level, count(*) AS n FROM credential_risks GROUP BY level) c ON c.level = l.level
     ON CONFLICT (day, level) DO UPDATE SET count = EXCLUDED.count`,
    utcDay(at), [...RISK_LEVELS],
  );
}

export async function applyDailyDeltas(db: TSql, at: Date, deltas: ReadonlyMap<TRiskLevel, number>): Promise<void> {
  const changed = [...deltas].filter(([, d]) => d !== 0);
  if (changed.length === 0) return;
  const day = utcDay(at);
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM risk_daily_counts WHERE day = $1::date`, day);
  if ((row?.n ?? 0) < RISK_LEVELS.length) {
    await writeDailyCounts(db, at);
    return;
  }
  await db.$executeRawUnsafe(
    `UPDATE risk_daily_counts r SET count = greatest(0, r.count + d.delta)
       FROM unnest($2::"RiskLevel"[], $3::int[]) AS d(level, delta)
      WHERE r.day = $1::date AND r.level = d.level`,
    day, changed.map(([l]) => l), changed.map(([, d]) => d),
  );
}

import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";

/**
 * Keeps usage_events' monthly partitions (prisma/migrations/20261220100000_usage_events_partitioned):
 * creates the ones for the retention window and the next `aheadMonths` months, then drops those that
 * ended before the retention cutoff. The DDL runs in SQL functions owned by the migration owner
 * (SECURITY DEFINER), because the app's runtime role owns nothing and may not create or drop tables.
 *
 * Retention of R months keeps the current month and the R whole months before it: in December 2026
 * with R = 13 the cutoff is 2025-11-01, so partitions up to October 2025 go. The SQL function refuses
 * any cutoff later than the start of the previous month, whoever calls it, so the current month
 * always stays. Dropping is one audited transaction (system actor): the partitions dropped, their
 * approximate rows, and the default-partition rows older than the cutoff it deleted.
 */

export type TPartitionMaintenance = {
  cutoff: string;
  created: string[];
  /** Months whose hops already landed in the default partition (the job lagged): left there, still queried and retained. */
  blocked: string[];
  dropped: string[];
  approxRows: number;
  defaultRows: number;
};

/** A DDL statement waits at most this long for the table's lock, instead of queueing every ingesting batch behind it; the job retries. */
const LOCK_TIMEOUT = "5s";

function monthStart(now: Date, offsetMonths: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function retentionCutoff(now: Date, retentionMonths: number): Date {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) throw new Error(`retention must be a whole number of months ≥ 1, got ${retentionMonths}`);
  return monthStart(now, -retentionMonths);
}

export async function maintainUsagePartitions(
  prisma: PrismaClient,
  options: { retentionMonths: number; aheadMonths?: number; now?: Date },
): Promise<TPartitionMaintenance> {
  const now = options.now ?? new Date();
  const ahead = options.aheadMonths ?? 3;
  const cutoff = retentionCutoff(now, options.retentionMonths);
  // From the cutoff month through `ahead` months after the current one.
  const months = options.retentionMonths + 1 + ahead;

  const ensured = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    const [row] = await tx.$queryRawUnsafe<{ result: { created: string[]; blocked: string[] } }[]>(
      `SELECT tokenward_usage_partitions_ensure($1::date, $2::integer) AS result`,
      isoDay(cutoff),
      months,
    );
    return row!.result;
  });

  const retained = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    const [row] = await tx.$queryRawUnsafe<{ result: { dropped: string[]; approxRows: number; defaultRows: number } }[]>(
      `SELECT tokenward_usage_retention($1::date) AS result`,
      isoDay(cutoff),
    );
    const result = row!.result;
    if (result.dropped.length > 0 || result.defaultRows > 0) {
      await appendAuditEvent(tx, null, {
        action: "usage.retention",
        targetType: "usage",
        targetId: null,
        summary: { cutoff: isoDay(cutoff), retentionMonths: options.retentionMonths, dropped: result.dropped, approxRows: result.approxRows, defaultRows: result.defaultRows },
      });
    }
    return result;
  });

  return { cutoff: isoDay(cutoff), created: ensured.created, blocked: ensured.blocked, ...retained };
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";

/**
 * Persists what every read already derives (lib/inventory/effective-status.ts): an active
 * credential whose expiry has passed becomes `expired`. Bounded batches, each one transaction that
 * flips the rows, audits each flip as a system event (actor null) on the credential's history, and
 * rescores exactly those credentials — no full recompute. SKIP LOCKED: a row another transaction is
 * changing is left for the next batch or the next minute.
 */

export type TExpireResult = { expired: number; batches: number };

export async function expireDueCredentials(prisma: PrismaClient, options: { now?: Date; batchSize?: number; maxBatches?: number } = {}): Promise<TExpireResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 50;
  let expired = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const flipped = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; expires_at: Date }[]>(
        `SELECT id, expires_at FROM credentials WHERE status = 'active' AND expires_at <= $1::timestamp(3)
          ORDER BY expires_at, id LIMIT $2::int FOR UPDATE SKIP LOCKED`,
        now.toISOString(),
        batchSize,
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx.$executeRawUnsafe(`UPDATE credentials SET status = 'expired', updated_at = $2::timestamp(3) WHERE id = ANY($1::uuid[])`, ids, now.toISOString());
      for (const row of rows) {
        await appendAuditEvent(tx, null, {
          action: "credential.expired",
          targetType: "credential",
          targetId: row.id,
          summary: { expiresAt: new Date(row.expires_at).toISOString(), by: "expiry job" },
        });
      }
      await recomputeCredentials(tx, ids, { now });
      return rows.length;
    });
    if (flipped === 0) break;
    expired += flipped;
    batches++;
    if (flipped < batchSize) break;
  }
  return { expired, batches };
}

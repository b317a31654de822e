import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { emitUsageAlerts } from "@/lib/alerts/services/emit-usage-alerts";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { endEphemeralTasks } from "@/lib/usage/services/end-ephemeral-tasks";

/**
 * Drains usage_pending: for each credential with new hops, last use moves forward and the credential
 * is rescored — which is where the passthrough, audience-mismatch, sharing, cross-environment and
 * human-use factors read the new hops. Chunks of `chunk` credentials, each its own transaction.
 *
 * usage_pending is a queue of plain inserts (one row per credential per batch), so this deletes all
 * of a credential's rows at once and keeps the greatest last use. Rows a batch still has in flight
 * are invisible here and stay for the next round. The credential rows are locked FOR NO KEY UPDATE
 * (id order) so two runs never rescore one credential at once; that mode does not conflict with the
 * key-share lock an ingesting batch's foreign keys take, so a rescore never holds up ingestion.
 *
 * After each chunk, ephemeral credentials among them whose task ended are revoked (or flagged), each
 * in its own transaction: a provider refusal must not undo the chunk's rescoring.
 */

export type TApplyResult = { credentials: number; chunks: number; tasksEnded: number };

export async function applyPendingUsage(prisma: PrismaClient, options: { chunk?: number; now?: Date; onChunk?: (done: number) => Promise<void> } = {}): Promise<TApplyResult> {
  const chunk = options.chunk ?? 500;
  let credentials = 0;
  let chunks = 0;
  let tasksEnded = 0;
  for (;;) {
    const applied = await prisma.$transaction(async (tx) => {
      const ids = (await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM (SELECT DISTINCT credential_id AS id FROM usage_pending ORDER BY 1 LIMIT $1) p ORDER BY p.id`, chunk)).map((r) => r.id);
      if (ids.length === 0) return [];
      await tx.$queryRawUnsafe(`SELECT id FROM credentials WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, ids);
      const rows = await tx.$queryRawUnsafe<{ id: string; last_used_at: Date | null }[]>(
        `WITH drained AS (DELETE FROM usage_pending WHERE credential_id = ANY($1::uuid[]) RETURNING credential_id, last_used_at)
         SELECT credential_id::text AS id, max(last_used_at) AS last_used_at FROM drained GROUP BY credential_id`,
        ids,
      );
      const used = rows.filter((r) => r.last_used_at !== null);
      if (used.length > 0) {
        await tx.$executeRawUnsafe(
          `UPDATE credentials c SET last_used_at = u.at
             FROM unnest($1::uuid[], $2::timestamp(3)[]) AS u(id, at)
            WHERE c.id = u.id AND (c.last_used_at IS NULL OR c.last_used_at < u.at)`,
          used.map((r) => r.id),
          used.map((r) => r.last_used_at!.toISOString()),
        );
      }
      await recomputeCredentials(tx, rows.map((r) => r.id), { now: options.now });
      // New findings → the alert outbox, in this transaction (lib/alerts).
      await emitUsageAlerts(tx, rows.map((r) => r.id), { now: options.now });
      return rows.map((r) => r.id);
    });
    if (applied.length === 0) return { credentials, chunks, tasksEnded };
    const ended = await endEphemeralTasks(prisma, applied, options.now);
    tasksEnded += ended.revoking + ended.shouldRevoke;
    credentials += applied.length;
    chunks++;
    await options.onChunk?.(credentials);
  }
}

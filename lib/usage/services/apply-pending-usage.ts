import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { emitUsageAlerts } from "@/lib/alerts/services/emit-usage-alerts";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { endEphemeralTasks } from "@/lib/usage/services/end-ephemeral-tasks";

/**
 * Drains usage_pending: for each credential with new hops, last use moves forward and the credential
 * is rescored — which is where the passthrough, audience-mismatch, sharing, cross-environment and
 * human-use factors read the new hops. Chunks of `chunk`, each its own transaction.
 *
 * Lock order matters: ingestion takes the credential's key-share lock (its hops' foreign key) and
 * then the pending row. So this takes the credential rows first (FOR UPDATE, id order) and only then
 * deletes their pending rows: taking the pending rows first would deadlock against a batch in flight.
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
      const ids = (await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT credential_id::text AS id FROM usage_pending ORDER BY credential_id LIMIT $1`, chunk)).map((r) => r.id);
      if (ids.length === 0) return [];
      await tx.$queryRawUnsafe(`SELECT id FROM credentials WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, ids);
      const rows = await tx.$queryRawUnsafe<{ id: string; last_used_at: Date | null }[]>(
        `DELETE FROM usage_pending WHERE credential_id = ANY($1::uuid[]) RETURNING credential_id::text AS id, last_used_at`,
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

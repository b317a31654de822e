import "server-only";
import { envelopeOf, type TAlert } from "@/lib/alerts/payload";
import { openConfig } from "@/lib/alerts/services/destination-config";
import { sendAlert, type TSendOutcome } from "@/lib/alerts/services/send-alert";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import { logger } from "@/lib/logging/logger";

/**
 * The alerts.deliver job's work: sends every due pending delivery, each with its own outcome.
 * A batch is claimed in a short transaction (FOR UPDATE SKIP LOCKED: two workers never take the same
 * row) by counting the attempt and pushing next_attempt_at a lease ahead — so a worker that dies
 * mid-send leaves it to be retried after the lease, not lost. The POST runs outside any transaction.
 * A failure is retried with exponential back-off (30 s, 1, 2, 4, 8 min) up to MAX_ALERT_ATTEMPTS,
 * then `failed` with the last error, for a person to re-send; a final refusal (4xx) fails at once.
 */

export const MAX_ALERT_ATTEMPTS = 6;
export const ALERT_BACKOFF_MS = 30_000;
const LEASE_MS = 5 * 60_000;
const CLAIM = 10;

type TClaimed = { id: string; destination_id: string; kind: "webhook" | "slack" | "siem"; encrypted_config: string; payload: TAlert; attempts: number };

export type TDeliverOptions = { now?: () => Date; backoffMs?: number; maxAttempts?: number; limit?: number; timeoutMs?: number };

export function backoffAfter(attempts: number, base = ALERT_BACKOFF_MS): number {
  return Math.min(base * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function deliverDueAlerts(prisma: PrismaClient, options: TDeliverOptions = {}): Promise<{ delivered: number; retrying: number; failed: number }> {
  const clock = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ALERT_ATTEMPTS;
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  const limit = options.limit ?? 500;
  for (let sent = 0; sent < limit; ) {
    const now = clock();
    const claimed = await prisma.$queryRawUnsafe<TClaimed[]>(
      `UPDATE alert_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2::timestamp(3), updated_at = $1::timestamp(3)
         FROM alert_destinations t
        WHERE t.id = d.destination_id AND d.id IN (
              SELECT d2.id FROM alert_deliveries d2 JOIN alert_destinations t2 ON t2.id = d2.destination_id AND t2.enabled
               WHERE d2.status = 'pending' AND d2.next_attempt_at <= $1::timestamp(3)
               ORDER BY d2.next_attempt_at, d2.id LIMIT ${CLAIM} FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id::text AS id, d.destination_id::text AS destination_id, t.kind::text AS kind, t.encrypted_config, d.payload, d.attempts`,
      now.toISOString(),
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    if (claimed.length === 0) break;
    for (const row of claimed) {
      sent++;
      let outcome: TSendOutcome;
      try {
        outcome = await sendAlert(row.kind, openConfig({ id: row.destination_id, encryptedConfig: row.encrypted_config }), envelopeOf(row.id, row.payload), { now: clock().getTime(), timeoutMs: options.timeoutMs });
      } catch (error) {
        // The sealed config cannot be opened (a connector key removed): no retry will fix that.
        logger.warn("alert delivery: destination config unreadable", { deliveryId: row.id, destinationId: row.destination_id, error });
        outcome = { ok: false, status: null, error: "The destination's settings cannot be decrypted (was a connector key removed?).", retryable: false, durationMs: 0 };
      }
      const state = await prisma.$transaction((tx) => recordAttempt(tx, row.id, row.attempts, outcome, clock(), { maxAttempts, backoffMs: options.backoffMs }));
      counts[state]++;
    }
  }
  return counts;
}

/** Writes one try and moves the delivery on: delivered, back to pending after a back-off, or failed. */
export async function recordAttempt(tx: TTx, deliveryId: string, attempts: number, outcome: TSendOutcome, at: Date, options: { maxAttempts?: number; backoffMs?: number } = {}): Promise<"delivered" | "retrying" | "failed"> {
  await tx.alertDeliveryAttempt.create({ data: { deliveryId, at, ok: outcome.ok, httpStatus: outcome.status, error: outcome.error, durationMs: outcome.durationMs } });
  const state = outcome.ok ? "delivered" : outcome.retryable && attempts < (options.maxAttempts ?? MAX_ALERT_ATTEMPTS) ? "retrying" : "failed";
  await tx.alertDelivery.update({
    where: { id: deliveryId },
    data: {
      status: state === "retrying" ? "pending" : state,
      lastStatus: outcome.status,
      lastError: outcome.error,
      deliveredAt: outcome.ok ? at : null,
      nextAttemptAt: state === "retrying" ? new Date(at.getTime() + backoffAfter(attempts, options.backoffMs)) : null,
    },
  });
  return state;
}

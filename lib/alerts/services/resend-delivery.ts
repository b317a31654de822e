import "server-only";
import { ALERTS_DELIVER_JOB } from "@/lib/alerts/job-types";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/** A failed delivery goes back to the outbox with a fresh attempt budget, under the same idempotency key. */
export async function resendDelivery(tx: TTx, deliveryId: string, now = new Date()): Promise<TRunOutcome<{ id: string }>> {
  const [row] = await tx.$queryRawUnsafe<{ status: string; destination_id: string; name: string }[]>(
    `SELECT d.status::text AS status, d.destination_id::text AS destination_id, t.name FROM alert_deliveries d JOIN alert_destinations t ON t.id = d.destination_id WHERE d.id = $1::uuid FOR UPDATE OF d`,
    deliveryId,
  );
  if (!row) throw new AppError("NOT_FOUND", "No such alert delivery.");
  if (row.status !== "failed") throw new AppError("CONFLICT", `This delivery is ${row.status}: only a failed one can be re-sent.`);
  await tx.alertDelivery.update({ where: { id: deliveryId }, data: { status: "pending", attempts: 0, nextAttemptAt: now } });
  await enqueueJob(tx, { type: ALERTS_DELIVER_JOB, requeue: "if-finished", now });
  return { data: { id: deliveryId }, audit: { targetType: "alert_destination", targetId: row.destination_id, summary: { name: row.name, deliveryId } } };
}

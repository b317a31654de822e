import "server-only";
import { randomUUID } from "node:crypto";
import { envelopeOf, type TAlert } from "@/lib/alerts/payload";
import { openConfig } from "@/lib/alerts/services/destination-config";
import { recordAttempt } from "@/lib/alerts/services/deliver-due-alerts";
import { sendAlert, type TSendOutcome } from "@/lib/alerts/services/send-alert";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * "Send test alert": a made-up finding, marked as a test, sent now (outside the transaction: the
 * receiver may take up to the timeout) and then written to the destination's history like any
 * delivery, with its one try — so a failing test can be re-sent from the history too.
 */

export type TTested = { deliveryId: string; alert: TAlert; outcome: TSendOutcome };
export type TTestResult = { ok: boolean; status: number | null; error: string | null };

export async function sendTestAlert(prisma: PrismaClient, id: string, now = new Date()): Promise<TTested> {
  const destination = await prisma.alertDestination.findUnique({ where: { id } });
  if (!destination) throw new AppError("NOT_FOUND", "No such alert destination.");
  const deliveryId = randomUUID();
  const base = env().AUTH_URL?.replace(/\/$/, "") ?? null;
  const alert: TAlert = {
    detector: "passthrough", severity: "high", score: 70, test: true,
    evidence: "Test alert from Tokenward: if you can read this, alerts reach this destination.",
    credential: { id: "00000000-0000-0000-0000-000000000000", name: "test credential", provider: "Tokenward", owner: null },
    detectedAt: now.toISOString(), link: base ? `${base}/alerts` : null,
  };
  const outcome = await sendAlert(destination.kind, openConfig(destination), envelopeOf(deliveryId, alert), { now: now.getTime() });
  return { deliveryId, alert, outcome };
}

export async function recordTestAlert(tx: TTx, id: string, tested: TTested, now = new Date()): Promise<TRunOutcome<TTestResult>> {
  const destination = await tx.alertDestination.findUnique({ where: { id }, select: { name: true, kind: true } });
  if (!destination) throw new AppError("NOT_FOUND", "The alert destination was deleted meanwhile.");
  await tx.alertDelivery.create({ data: { id: tested.deliveryId, destinationId: id, test: true, payload: tested.alert, status: "pending", attempts: 1 } });
  // One try only: a failed test is `failed` at once (re-send it from the history), never retried unasked.
  await recordAttempt(tx, tested.deliveryId, 1, tested.outcome, now, { maxAttempts: 1 });
  const { ok, status, error } = tested.outcome;
  return { data: { ok, status, error }, audit: { targetType: "alert_destination", targetId: id, summary: { name: destination.name, kind: destination.kind, deliveryId: tested.deliveryId, ok, status } } };
}

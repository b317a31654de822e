import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { sealConfig, urlHintOf } from "@/lib/alerts/services/destination-config";
import type { TCreateAlertDestination, TUpdateAlertDestination } from "@/lib/alerts/schemas";
import { AppError } from "@/lib/errors/app-error";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * Alert destinations are settings of admins and security. A webhook's signing secret is made here
 * (256 random bits, the `whsec_` form of lib/delivery) and shown once; a Slack URL and a SIEM token
 * are sealed and never shown again. Audit summaries carry the kind, the URL hint and the filters —
 * never a secret.
 */

export type TCreatedDestination = { id: string; signingSecret: string | null };

export async function createAlertDestination(tx: TTx, actor: TActor, input: TCreateAlertDestination): Promise<TRunOutcome<TCreatedDestination>> {
  if (await tx.alertDestination.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new AppError("CONFLICT", `An alert destination named "${input.name}" already exists.`, { fieldErrors: { name: ["This name is taken"] } });
  }
  const id = randomUUID();
  const signingSecret = input.kind === "webhook" ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  const token = input.kind === "siem" && input.token ? input.token : undefined;
  const urlHint = urlHintOf(input.kind, input.url);
  await tx.alertDestination.create({
    data: {
      id, name: input.name, kind: input.kind, urlHint, minSeverity: input.minSeverity, detectors: input.detectors, createdById: actor.id,
      encryptedConfig: sealConfig(id, { url: input.url, ...(signingSecret ? { signingSecret } : {}), ...(token ? { token } : {}) }),
    },
  });
  return {
    data: { id, signingSecret },
    audit: { targetType: "alert_destination", targetId: id, summary: { name: input.name, kind: input.kind, url: urlHint, bearerToken: token ? "set" : undefined, minSeverity: input.minSeverity, detectors: input.detectors } },
  };
}

export async function updateAlertDestination(tx: TTx, input: TUpdateAlertDestination): Promise<TRunOutcome<{ id: string }>> {
  const before = await tx.alertDestination.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND", "No such alert destination.");
  const data = { enabled: input.enabled ?? before.enabled, minSeverity: input.minSeverity ?? before.minSeverity, detectors: input.detectors ?? before.detectors };
  await tx.alertDestination.update({ where: { id: input.id }, data });
  const pick = (d: typeof data) => ({ enabled: d.enabled, minSeverity: d.minSeverity, detectors: d.detectors });
  return { data: { id: input.id }, audit: { targetType: "alert_destination", targetId: input.id, summary: { name: before.name, before: pick(before), after: pick(data) } } };
}

/** Its delivery history goes with it (the audit trail keeps that it existed and who removed it). */
export async function deleteAlertDestination(tx: TTx, id: string): Promise<TRunOutcome<{ id: string }>> {
  const target = await tx.alertDestination.findUnique({ where: { id } });
  if (!target) throw new AppError("NOT_FOUND", "No such alert destination.");
  const deliveries = await tx.alertDelivery.count({ where: { destinationId: id } });
  await tx.alertDestination.delete({ where: { id } });
  return { data: { id }, audit: { targetType: "alert_destination", targetId: id, summary: { name: target.name, kind: target.kind, url: target.urlHint, deliveries } } };
}

import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/connectors/secrets";
import type { TCreateDeliveryTarget } from "@/lib/delivery/schemas";
import { AppError } from "@/lib/errors/app-error";
import type { TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * Delivery targets are admin settings. The signing secret is made here (256 random bits), shown
 * once to whoever created the target (to put in the receiver), kept encrypted, never shown again.
 */
export async function createDeliveryTarget(tx: TTx, actor: TActor, input: TCreateDeliveryTarget): Promise<TRunOutcome<{ id: string; signingSecret: string }>> {
  if (await tx.deliveryTarget.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A delivery target named "${input.name}" already exists.`, { fieldErrors: { name: ["This name is taken"] } });
  }
  const id = randomUUID();
  const signingSecret = `whsec_${randomBytes(32).toString("base64url")}`;
  await tx.deliveryTarget.create({ data: { id, name: input.name, url: input.url, encryptedSecret: encryptSecret({ secret: signingSecret }, `delivery-target:${id}`), createdById: actor.id } });
  return { data: { id, signingSecret }, audit: { targetType: "delivery_target", targetId: id, summary: { name: input.name, url: input.url } } };
}

export async function setDeliveryTargetEnabled(tx: TTx, id: string, enabled: boolean): Promise<TRunOutcome<{ id: string; enabled: boolean }>> {
  const target = await tx.deliveryTarget.findUnique({ where: { id } });
  if (!target) throw new AppError("NOT_FOUND", "No such delivery target.");
  await tx.deliveryTarget.update({ where: { id }, data: { enabled } });
  return { data: { id, enabled }, audit: { targetType: "delivery_target", targetId: id, summary: { name: target.name, before: { enabled: target.enabled }, after: { enabled } } } };
}

/** Refused while a workflow names it (its history would lose where a secret went): disable it instead. */
export async function deleteDeliveryTarget(tx: TTx, id: string): Promise<TRunOutcome<{ id: string }>> {
  const target = await tx.deliveryTarget.findUnique({ where: { id } });
  if (!target) throw new AppError("NOT_FOUND", "No such delivery target.");
  const used = await tx.workflow.count({ where: { deliveryTargetId: id } });
  if (used > 0) throw new AppError("CONFLICT", `${target.name} received secrets for ${used} rotation${used === 1 ? "" : "s"}: disable it instead.`);
  await tx.deliveryTarget.delete({ where: { id } });
  return { data: { id }, audit: { targetType: "delivery_target", targetId: id, summary: { name: target.name, url: target.url } } };
}

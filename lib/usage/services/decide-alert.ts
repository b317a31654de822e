import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import type { TDecideAlert } from "@/lib/usage/alert-schemas";

/**
 * A decision on one usage finding. Acknowledge or resolve only what the credential's current score
 * carries (a stale page cannot silence a finding that has since changed); re-open removes the
 * decision. Audited on the credential, with the comment, so its history shows who silenced what.
 */
export type TAlertDecided = { credentialId: string; factor: string; decision: TDecideAlert["decision"] };

export async function decideAlert(tx: TTx, actor: TActor, input: TDecideAlert, now = new Date()): Promise<TRunOutcome<TAlertDecided>> {
  const [credential] = await tx.$queryRawUnsafe<{ name: string; factor_ids: string[] }[]>(
    `SELECT c.name, coalesce(r.factor_ids, '{}') AS factor_ids FROM credentials c LEFT JOIN credential_risks r ON r.credential_id = c.id WHERE c.id = $1::uuid FOR UPDATE OF c`,
    input.credentialId,
  );
  if (!credential) throw new AppError("NOT_FOUND", "This credential no longer exists.");
  const before = await tx.usageAlertDecision.findUnique({ where: { credentialId_factor: { credentialId: input.credentialId, factor: input.factor } } });
  if (input.decision === "reopen") {
    if (!before) throw new AppError("CONFLICT", `The ${input.factor} finding on ${credential.name} is already open.`);
    await tx.usageAlertDecision.delete({ where: { credentialId_factor: { credentialId: input.credentialId, factor: input.factor } } });
  } else {
    if (!credential.factor_ids.includes(input.factor)) {
      throw new AppError("CONFLICT", `${credential.name} is no longer flagged for ${input.factor}: reload the page.`);
    }
    if (before?.decision === input.decision) throw new AppError("CONFLICT", `The ${input.factor} finding on ${credential.name} is already ${input.decision}.`);
    const data = { decision: input.decision, comment: input.comment, decidedById: actor.id, decidedByLabel: actorLabel(actor), decidedAt: now };
    await tx.usageAlertDecision.upsert({
      where: { credentialId_factor: { credentialId: input.credentialId, factor: input.factor } },
      create: { credentialId: input.credentialId, factor: input.factor, ...data },
      update: data,
    });
  }
  return {
    data: { credentialId: input.credentialId, factor: input.factor, decision: input.decision },
    audit: {
      action: `alerts.${input.decision === "reopen" ? "reopen" : input.decision === "acknowledged" ? "acknowledge" : "resolve"}`,
      targetType: "credential",
      targetId: input.credentialId,
      summary: { factor: input.factor, comment: input.comment, before: { decision: before?.decision ?? null }, after: { decision: input.decision === "reopen" ? null : input.decision } },
    },
  };
}

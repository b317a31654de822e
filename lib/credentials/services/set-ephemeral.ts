import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import type { TSetEphemeral } from "@/lib/credentials/schemas";

/**
 * Marks a credential ephemeral from now (a task_completed seen after this moment revokes it), or
 * standing again — which also erases any value held for its revocation. A credential already
 * revoked, or whose task already ended, is refused: the answer would mean nothing.
 */
export async function setEphemeral(tx: TTx, input: TSetEphemeral, now = new Date()): Promise<TRunOutcome<{ credentialId: string; ephemeralSince: string | null }>> {
  const c = await tx.credential.findUniqueOrThrow({ where: { id: input.credentialId }, select: { id: true, name: true, status: true, ephemeralSince: true, taskEndedAt: true } });
  if (c.status === "revoked" || c.status === "disabled") throw new AppError("CONFLICT", `${c.name} is already ${c.status}.`);
  if (input.ephemeral && c.ephemeralSince) throw new AppError("CONFLICT", `${c.name} is already ephemeral (since ${c.ephemeralSince.toISOString()}).`);
  if (!input.ephemeral && !c.ephemeralSince) throw new AppError("CONFLICT", `${c.name} is not ephemeral.`);
  if (c.taskEndedAt) throw new AppError("CONFLICT", `${c.name}'s task already ended (${c.taskEndedAt.toISOString()}): revoke it instead.`);
  const ephemeralSince = input.ephemeral ? now : null;
  await tx.credential.update({ where: { id: c.id }, data: input.ephemeral ? { ephemeralSince } : { ephemeralSince: null, ephemeralSecret: null } });
  return {
    data: { credentialId: c.id, ephemeralSince: ephemeralSince?.toISOString() ?? null },
    audit: { targetType: "credential", targetId: c.id, summary: { credential: c.name, ephemeral: input.ephemeral } },
  };
}

import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TAuditDraft, TRunOutcome, TTx } from "@/lib/server/execute";

export type TRevokedApiKey = { id: string; prefix: string; revokedAt: string };

type TLocked = { id: string; name: string; prefix: string; revoked_at: Date | null; credential_id: string; status: string };

/** Revokes a key at once: the next request with it is refused, and its inventory row says revoked. */
export async function revokeApiKey(tx: TTx, actor: TActor, id: string, now = new Date()): Promise<TRunOutcome<TRevokedApiKey>> {
  const [key] = await tx.$queryRawUnsafe<TLocked[]>(
    `SELECT k.id::text AS id, k.name, k.prefix, k.revoked_at, k.credential_id::text AS credential_id, c.status::text AS status
       FROM api_keys k JOIN credentials c ON c.id = k.credential_id WHERE k.id = $1::uuid FOR UPDATE OF k, c`,
    id,
  );
  if (!key) throw new AppError("NOT_FOUND", "No such API key.");
  if (key.revoked_at) throw new AppError("CONFLICT", `API key ${key.prefix} was already revoked.`);
  await tx.apiKey.update({ where: { id }, data: { revokedAt: now, revokedById: actor.id } });
  await tx.credential.update({ where: { id: key.credential_id }, data: { status: "revoked" } });
  await recomputeCredentials(tx, [key.credential_id], { now });
  const audit: [TAuditDraft, TAuditDraft] = [
    { targetType: "api_key", targetId: key.id, summary: { name: key.name, prefix: key.prefix, before: { status: key.status }, after: { status: "revoked" } } },
    { targetType: "credential", targetId: key.credential_id, summary: { credential: key.name, apiKey: key.prefix, before: { status: key.status }, after: { status: "revoked" } } },
  ];
  return { data: { id: key.id, prefix: key.prefix, revokedAt: now.toISOString() }, audit };
}

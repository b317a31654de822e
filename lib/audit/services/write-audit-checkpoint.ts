import { signCheckpoint, type TAuditCheckpoint, type TAuditSigner } from "@/lib/audit/signing";
import type { Prisma } from "@/lib/generated/prisma/client";

type TTx = Prisma.TransactionClient;

export function checkpointOf(row: { seq: bigint; hash: string; signedAt: Date; keyId: string; signature: string }): TAuditCheckpoint {
  return { seq: row.seq.toString(), hash: row.hash, signedAt: row.signedAt.toISOString(), keyId: row.keyId, signature: row.signature };
}

/**
 * Signs `head` and stores it, in the caller's transaction (the one that appended `head`, or one that
 * holds the chain lock), so a checkpoint can never name an event that did not commit. An existing
 * checkpoint at that seq is kept and returned: two exports of the same head share one.
 */
export async function writeAuditCheckpoint(tx: TTx, signer: TAuditSigner, head: { seq: bigint; hash: string }): Promise<TAuditCheckpoint> {
  const existing = await tx.auditCheckpoint.findUnique({ where: { seq: head.seq } });
  if (existing) return checkpointOf(existing);
  const signed = signCheckpoint(signer, { seq: head.seq.toString(), hash: head.hash });
  const row = await tx.auditCheckpoint.create({
    data: { seq: head.seq, hash: signed.hash, signedAt: new Date(signed.signedAt), keyId: signed.keyId, signature: signed.signature },
  });
  return checkpointOf(row);
}

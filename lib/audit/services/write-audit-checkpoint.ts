import { signCheckpoint, type TAuditCheckpoint, type TAuditSigner } from "@/lib/audit/signing";
import type { Prisma } from "@/lib/generated/prisma/client";

type TTx = Prisma.TransactionClient;

type TCheckpointRow = { seq: bigint; hash: string; signedAt: Date; keyId: string; signature: string; v: number; prevSeq: bigint | null; prevSigHash: string | null };

export function checkpointOf(row: TCheckpointRow): TAuditCheckpoint {
  return {
    v: row.v === 1 ? 1 : 2,
    seq: row.seq.toString(),
    hash: row.hash,
    signedAt: row.signedAt.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
    prevSeq: row.prevSeq === null ? null : row.prevSeq.toString(),
    prevSigHash: row.prevSigHash,
  };
}

/**
 * Signs `head` and stores it, in the caller's transaction (the one that appended `head`, or one that
 * holds the chain lock), so a checkpoint can never name an event that did not commit. An existing
 * checkpoint at that seq is kept and returned: two exports of the same head share one. The chain
 * lock also makes "the newest checkpoint" well defined, so each new one links to it.
 */
export async function writeAuditCheckpoint(tx: TTx, signer: TAuditSigner, head: { seq: bigint; hash: string }): Promise<TAuditCheckpoint> {
  const existing = await tx.auditCheckpoint.findUnique({ where: { seq: head.seq } });
  if (existing) return checkpointOf(existing);
  const previous = await tx.auditCheckpoint.findFirst({ where: { seq: { lt: head.seq } }, orderBy: { seq: "desc" }, select: { seq: true, signature: true } });
  const signed = signCheckpoint(signer, { seq: head.seq.toString(), hash: head.hash }, previous && { seq: previous.seq.toString(), signature: previous.signature });
  const row = await tx.auditCheckpoint.create({
    data: {
      seq: head.seq, hash: signed.hash, signedAt: new Date(signed.signedAt), keyId: signed.keyId, signature: signed.signature,
      v: signed.v, prevSeq: BigInt(signed.prevSeq!), prevSigHash: signed.prevSigHash,
    },
  });
  return checkpointOf(row);
}

import { auditSigning } from "@/lib/audit/audit-keys";
import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { checkCheckpoint, checkLink, type TAuditCheckpoint, type TAuditVerifyKey } from "@/lib/audit/signing";
import { checkpointOf } from "@/lib/audit/services/write-audit-checkpoint";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Walks the whole chain in seq order, in pages, recomputing every hash. Detects an edited row (hash
 * mismatch), a deleted or inserted row (seq gap or prevHash mismatch) and reordered rows (prevHash
 * mismatch). The hash chain alone cannot catch whoever rewrites an event AND re-hashes the tail: the
 * signed checkpoints (audit_checkpoints) do. Each checkpoint's signature must verify under a known
 * key, and the recomputed hash at its seq must equal the signed hash; a checkpoint beyond the end of
 * the chain means the tail was removed. Checkpoints are chained too (payload v2 signs the previous
 * checkpoint's seq and signature hash), so a dropped or reordered checkpoint breaks the link of the
 * next one (`checkpoint_chain_broken`); only the newest one can vanish unseen, and an export's signed
 * head (`expectedHead`) covers that. Events after the last checkpoint are covered by the hash chain
 * only (reported as `unsignedTail`).
 */

export type TChainBreak = {
  seq: string;
  reason:
    | "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch"
    | "checkpoint_signature_invalid" | "checkpoint_unknown_key" | "checkpoint_mismatch" | "checkpoint_beyond_head" | "checkpoint_chain_broken";
  detail: string;
};

export type TChainSignatures = {
  /** "signed": at least one checkpoint, all valid; "unsigned": no checkpoint to check against. */
  status: "signed" | "unsigned";
  checkpoints: number;
  lastCheckpoint: { seq: string; signedAt: string; keyId: string } | null;
  /** Events after the last checkpoint, protected by the hash chain alone. */
  unsignedTail: number;
};

export type TChainVerification = {
  ok: boolean;
  count: number;
  head: { seq: string; hash: string } | null;
  firstBreak: TChainBreak | null;
  signatures: TChainSignatures;
};

const PAGE = 2_000;

type TReader = Pick<PrismaClient, "auditEvent" | "auditCheckpoint">;

export async function verifyAuditChain(
  prisma: TReader,
  options: { expectedHead?: { seq: string; hash: string }; verifyKeys?: readonly TAuditVerifyKey[] } = {},
): Promise<TChainVerification> {
  const keys = options.verifyKeys ?? auditSigning().verifyKeys;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let head: TChainVerification["head"] = null;
  let cursor = 0n;
  let lastCheckpointSeq = 0n;
  let previousCheckpointSeq = 0n;
  let previousCheckpoint: TAuditCheckpoint | null = null;
  const signatures: TChainSignatures = { status: "unsigned", checkpoints: 0, lastCheckpoint: null, unsignedTail: 0 };
  const fail = (firstBreak: TChainBreak): TChainVerification => ({ ok: false, count, head, firstBreak, signatures: finish() });
  const finish = (): TChainSignatures => ({ ...signatures, status: signatures.checkpoints > 0 ? "signed" : "unsigned", unsignedTail: Number((head ? BigInt(head.seq) : 0n) - lastCheckpointSeq) });

  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
    const last = rows.at(-1)?.seq;
    const checkpoints = await prisma.auditCheckpoint.findMany({
      // On the last page, also every checkpoint beyond the head: it proves a removed tail.
      where: rows.length < PAGE ? { seq: { gt: cursor } } : { seq: { gt: cursor, lte: last } },
      orderBy: { seq: "asc" },
    });
    let cp = 0;
    for (const row of rows) {
      const at = row.seq.toString();
      if (row.seq !== expectedSeq) return fail({ seq: at, reason: "seq_gap", detail: `expected seq ${expectedSeq}, found ${at}` });
      if (row.prevHash !== prevHash) return fail({ seq: at, reason: "prev_hash_mismatch", detail: `event ${at} does not follow the event before it` });
      const recomputed = computeAuditHash({ ...row, summary: row.summary });
      if (recomputed !== row.hash) return fail({ seq: at, reason: "hash_mismatch", detail: `event ${at} was changed after it was written` });
      prevHash = row.hash;
      expectedSeq = row.seq + 1n;
      count += 1;
      head = { seq: at, hash: row.hash };

      const checkpoint = checkpoints[cp];
      if (checkpoint && checkpoint.seq === row.seq) {
        cp += 1;
        const signed = checkpointOf(checkpoint);
        const check = checkCheckpoint(keys, signed);
        if (check === "unknown_key") return fail({ seq: at, reason: "checkpoint_unknown_key", detail: `checkpoint at event ${at} is signed by key "${signed.keyId}", which is not configured` });
        if (check === "invalid") return fail({ seq: at, reason: "checkpoint_signature_invalid", detail: `checkpoint at event ${at} has an invalid signature (forged or altered)` });
        const broken = checkLink(previousCheckpoint, signed);
        if (broken) return fail({ seq: at, reason: "checkpoint_chain_broken", detail: broken });
        if (signed.hash !== row.hash) {
          return fail({
            seq: at,
            reason: "checkpoint_mismatch",
            detail: `the chain no longer matches the checkpoint signed at event ${at}: events ${previousCheckpointSeq + 1n}–${at} were rewritten and re-hashed`,
          });
        }
        previousCheckpointSeq = lastCheckpointSeq = row.seq;
        previousCheckpoint = signed;
        signatures.checkpoints += 1;
        signatures.lastCheckpoint = { seq: at, signedAt: signed.signedAt, keyId: signed.keyId };
      }
    }
    if (rows.length < PAGE) {
      const beyond = checkpoints[cp] ?? null;
      if (beyond) return fail({ seq: beyond.seq.toString(), reason: "checkpoint_beyond_head", detail: `a checkpoint was signed at event ${beyond.seq}, but the chain ends at ${head?.seq ?? 0}: events were removed` });
      break;
    }
    cursor = last!;
  }

  const expected = options.expectedHead;
  if (expected) {
    const expectedSeqNum = BigInt(expected.seq);
    if (!head || BigInt(head.seq) < expectedSeqNum) {
      return fail({ seq: expected.seq, reason: "head_mismatch", detail: `chain ends before the expected head ${expected.seq}: events were removed` });
    }
    // The expected head must still be in the chain, unchanged.
    const row = await prisma.auditEvent.findUnique({ where: { seq: expectedSeqNum }, select: { hash: true } });
    if (row?.hash !== expected.hash) {
      return fail({ seq: expected.seq, reason: "head_mismatch", detail: `event ${expected.seq} differs from the expected head` });
    }
  }
  return { ok: true, count, head, firstBreak: null, signatures: finish() };
}

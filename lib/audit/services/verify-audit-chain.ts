import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Walks the whole chain in seq order, in pages, recomputing every hash. Detects an edited row (hash
 * mismatch), a deleted or inserted row (seq gap or prevHash mismatch) and reordered rows (prevHash
 * mismatch). A truncated tail is only detectable against a head recorded elsewhere: pass
 * `expectedHead` (e.g. from an earlier export) to check it.
 */

export type TChainBreak = { seq: string; reason: "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch"; detail: string };

export type TChainVerification = {
  ok: boolean;
  count: number;
  head: { seq: string; hash: string } | null;
  firstBreak: TChainBreak | null;
};

const PAGE = 2_000;

export async function verifyAuditChain(
  prisma: Pick<PrismaClient, "auditEvent">,
  options: { expectedHead?: { seq: string; hash: string } } = {},
): Promise<TChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let head: TChainVerification["head"] = null;
  let cursor = 0n;

  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const row of rows) {
      const at = row.seq.toString();
      if (row.seq !== expectedSeq) {
        return fail(count, head, { seq: at, reason: "seq_gap", detail: `expected seq ${expectedSeq}, found ${at}` });
      }
      if (row.prevHash !== prevHash) {
        return fail(count, head, { seq: at, reason: "prev_hash_mismatch", detail: `event ${at} does not follow the event before it` });
      }
      const recomputed = computeAuditHash({ ...row, summary: row.summary });
      if (recomputed !== row.hash) {
        return fail(count, head, { seq: at, reason: "hash_mismatch", detail: `event ${at} was changed after it was written` });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1n;
      count += 1;
      head = { seq: at, hash: row.hash };
    }
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1]!.seq;
  }

  const expected = options.expectedHead;
  if (expected) {
    const expectedSeqNum = BigInt(expected.seq);
    if (!head || BigInt(head.seq) < expectedSeqNum) {
      return fail(count, head, { seq: expected.seq, reason: "head_mismatch", detail: `chain ends before the expected head ${expected.seq}: events were removed` });
    }
    // The expected head must still be in the chain, unchanged.
    const row = await prisma.auditEvent.findUnique({ where: { seq: expectedSeqNum }, select: { hash: true } });
    if (row?.hash !== expected.hash) {
      return fail(count, head, { seq: expected.seq, reason: "head_mismatch", detail: `event ${expected.seq} differs from the expected head` });
    }
  }
  return { ok: true, count, head, firstBreak: null };
}

function fail(count: number, head: TChainVerification["head"], firstBreak: TChainBreak): TChainVerification {
  return { ok: false, count, head, firstBreak };
}

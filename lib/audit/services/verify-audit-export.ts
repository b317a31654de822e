import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { checkCheckpoint, checkLink, type TAuditCheckpoint, type TAuditVerifyKey } from "@/lib/audit/signing";

/**
 * Offline check of an NDJSON audit export (lib/audit/services/stream-audit-export.ts): recomputes
 * every hash from the exported fields, checks the links and the trailer, verifies every checkpoint's
 * Ed25519 signature with the given public key(s) and that the recomputed chain passes through each
 * signed hash, and that the trailer's signed head is the chain's head. Optionally also checks that a
 * head recorded earlier ("seq:hash") is still in the chain unchanged.
 *
 * Without keys nothing signed is checked, so that must be asked for explicitly (`unsigned: true`):
 * a re-hashed chain verifies by hashes alone.
 */

export type TExportVerification =
  | { ok: true; count: number; head: { seq: string; hash: string } | null; checkpoints: number; signedHead: { seq: string; keyId: string; signedAt: string } | null }
  | { ok: false; error: string };

export type TExportVerifyOptions = {
  expectedHead?: { seq: string; hash: string };
  verifyKeys?: readonly TAuditVerifyKey[];
  /** Accept an export whose signatures are not checked (no keys) or absent (an unsigned chain). */
  unsigned?: boolean;
};

const HEX64 = /^[0-9a-f]{64}$/;
/** Formats this verifier reads: v2 (checkpoints unlinked) and v3 (linked checkpoints). */
export const AUDIT_EXPORT_FORMATS = ["tokenward.audit.v2", "tokenward.audit.v3"] as const;

function asCheckpoint(record: Record<string, unknown> | null | undefined): TAuditCheckpoint | null {
  if (!record) return null;
  const { seq, hash, signedAt, keyId, signature, v = 1, prevSeq = null, prevSigHash = null } = record;
  if (typeof seq !== "string" || !/^\d+$/.test(seq) || typeof hash !== "string" || !HEX64.test(hash)) return null;
  if (typeof signedAt !== "string" || typeof keyId !== "string" || typeof signature !== "string") return null;
  if (v === 1) return { v, seq, hash, signedAt, keyId, signature, prevSeq: null, prevSigHash: null };
  if (v !== 2 || typeof prevSeq !== "string" || !/^\d+$/.test(prevSeq) || typeof prevSigHash !== "string" || !HEX64.test(prevSigHash)) return null;
  return { v, seq, hash, signedAt, keyId, signature, prevSeq, prevSigHash };
}

export async function verifyAuditExport(lines: AsyncIterable<string> | Iterable<string>, options: TExportVerifyOptions = {}): Promise<TExportVerification> {
  const { expectedHead, unsigned = false } = options;
  const keys = options.verifyKeys ?? [];
  if (keys.length === 0 && !unsigned) return { ok: false, error: "no public key given: signatures cannot be checked (pass a key, or accept an unsigned check explicitly)" };
  const fail = (error: string): TExportVerification => ({ ok: false, error });
  const check = (c: TAuditCheckpoint): string | null => {
    if (keys.length === 0) return null;
    const verdict = checkCheckpoint(keys, c);
    if (verdict === "unknown_key") return `checkpoint at event ${c.seq} is signed by key "${c.keyId}", which was not given`;
    if (verdict === "invalid") return `checkpoint at event ${c.seq} has an invalid signature (forged or altered)`;
    return null;
  };

  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let seenExpected = false;
  const signedAt = new Map<bigint, string>();
  let lastCheckpointSeq = 0n;
  let lastCheckpoint: TAuditCheckpoint | null = null;
  let sawHeader = false;
  type TTrailer = { count?: unknown; head?: { seq: string; hash: string } | null; signedHead?: Record<string, unknown> | null };
  let trailer = null as TTrailer | null;

  for await (const line of lines) {
    if (!line.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return fail(`not NDJSON: ${line.slice(0, 60)}`);
    }
    if (record.type === "header") {
      if (!AUDIT_EXPORT_FORMATS.includes(record.format as (typeof AUDIT_EXPORT_FORMATS)[number])) return fail(`unknown export format ${String(record.format)}`);
      sawHeader = true;
    }
    if (record.type === "trailer") trailer = record as TTrailer;
    if (record.type === "checkpoint") {
      if (count > 0 || trailer) return fail("a checkpoint after the events: the file was rearranged");
      const c = asCheckpoint(record);
      if (!c) return fail(`malformed checkpoint: ${line.slice(0, 60)}`);
      const bad = check(c);
      if (bad) return fail(bad);
      if (BigInt(c.seq) <= lastCheckpointSeq) return fail(`checkpoint ${c.seq} out of order`);
      const broken = checkLink(lastCheckpoint, c);
      if (broken) return fail(broken);
      lastCheckpoint = c;
      lastCheckpointSeq = BigInt(c.seq);
      signedAt.set(lastCheckpointSeq, c.hash);
      continue;
    }
    if (record.type !== "event") continue;
    if (trailer) return fail("events after the trailer");
    const seq = BigInt(String(record.seq));
    if (seq !== expectedSeq) return fail(`expected event ${expectedSeq}, found ${seq}: events missing or reordered`);
    if (record.prevHash !== prevHash) return fail(`event ${seq} does not follow the event before it`);
    const hash = computeAuditHash({
      seq,
      time: new Date(String(record.time)),
      actorId: (record.actorId as string | null) ?? null,
      actorLabel: String(record.actorLabel),
      action: String(record.action),
      targetType: String(record.targetType),
      targetId: (record.targetId as string | null) ?? null,
      summary: record.summary,
      prevHash,
    });
    if (hash !== record.hash) return fail(`event ${seq} was changed after it was written`);
    const signed = signedAt.get(seq);
    if (signed !== undefined && signed !== hash) return fail(`the chain does not match the checkpoint signed at event ${seq}: events up to ${seq} were rewritten and re-hashed`);
    if (expectedHead && seq === BigInt(expectedHead.seq)) {
      if (hash !== expectedHead.hash) return fail(`event ${seq} differs from the expected head`);
      seenExpected = true;
    }
    prevHash = hash;
    expectedSeq = seq + 1n;
    count += 1;
  }

  if (!sawHeader) return fail("no header: not an audit export, or its start was cut off");
  if (!trailer) return fail("no trailer: the export was cut short");
  const head = count ? { seq: (expectedSeq - 1n).toString(), hash: prevHash } : null;
  if (trailer.count !== count || trailer.head?.hash !== head?.hash) return fail("the trailer does not match the events");
  if (lastCheckpointSeq > expectedSeq - 1n) return fail(`a checkpoint was signed at event ${lastCheckpointSeq}, but the export ends at ${expectedSeq - 1n}: events were removed`);
  if (expectedHead && !seenExpected) return fail(`the chain ends before the expected head ${expectedHead.seq}: events were removed`);

  const signedHead = asCheckpoint(trailer.signedHead);
  if (trailer.signedHead && !signedHead) return fail("malformed signed head in the trailer");
  if (signedHead) {
    const bad = check(signedHead);
    if (bad) return fail(bad.replace("checkpoint", "signed head"));
    if (signedHead.seq !== head?.seq || signedHead.hash !== head.hash) return fail("the signed head is not the chain's head");
    // The export stores its signed head before listing the checkpoints, so it is the last one listed.
    if (signedHead.v === 2 && (lastCheckpoint?.seq !== signedHead.seq || lastCheckpoint.signature !== signedHead.signature)) {
      return fail("the signed head is not the newest listed checkpoint: checkpoints were removed from the file");
    }
  } else if (!unsigned && head) {
    return fail("the export has no signed head (the chain was exported unsigned)");
  }
  return { ok: true, count, head, checkpoints: signedAt.size, signedHead: signedHead && { seq: signedHead.seq, keyId: signedHead.keyId, signedAt: signedHead.signedAt } };
}

import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";

/**
 * Offline check of an NDJSON audit export (lib/audit/services/stream-audit-export.ts): recomputes
 * every hash from the exported fields, checks the links, the trailer, and optionally that a head
 * recorded earlier ("seq:hash") is still in the chain unchanged.
 */

export type TExportVerification =
  | { ok: true; count: number; head: { seq: string; hash: string } | null }
  | { ok: false; error: string };

export async function verifyAuditExport(lines: AsyncIterable<string> | Iterable<string>, expectedHead?: { seq: string; hash: string }): Promise<TExportVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let seenExpected = false;
  type TTrailer = { count?: unknown; head?: { seq: string; hash: string } | null };
  let trailer = null as TTrailer | null;

  for await (const line of lines) {
    if (!line.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return { ok: false, error: `not NDJSON: ${line.slice(0, 60)}` };
    }
    if (record.type === "trailer") trailer = record as TTrailer;
    if (record.type !== "event") continue;
    if (trailer) return { ok: false, error: "events after the trailer" };
    const seq = BigInt(String(record.seq));
    if (seq !== expectedSeq) return { ok: false, error: `expected event ${expectedSeq}, found ${seq}: events missing or reordered` };
    if (record.prevHash !== prevHash) return { ok: false, error: `event ${seq} does not follow the event before it` };
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
    if (hash !== record.hash) return { ok: false, error: `event ${seq} was changed after it was written` };
    if (expectedHead && seq === BigInt(expectedHead.seq)) {
      if (hash !== expectedHead.hash) return { ok: false, error: `event ${seq} differs from the expected head` };
      seenExpected = true;
    }
    prevHash = hash;
    expectedSeq = seq + 1n;
    count += 1;
  }

  if (!trailer) return { ok: false, error: "no trailer: the export was cut short" };
  const head = count ? { seq: (expectedSeq - 1n).toString(), hash: prevHash } : null;
  if (trailer.count !== count || trailer.head?.hash !== head?.hash) return { ok: false, error: "the trailer does not match the events" };
  if (expectedHead && !seenExpected) return { ok: false, error: `the chain ends before the expected head ${expectedHead.seq}: events were removed` };
  return { ok: true, count, head };
}

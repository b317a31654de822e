import { AUDIT_HASH_VERSION } from "@/lib/audit/hash";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * NDJSON export of the whole chain, streamed in seq order in pages (constant memory):
 *   line 1: { "type": "header", format, hashVersion, exportedAt }
 *   then:   { "type": "event", seq, time, actorId, actorLabel, action, targetType, targetId, summary, prevHash, hash }
 *   last:   { "type": "trailer", count, head: { seq, hash } }
 * Every field that enters the hash is present, so `npm run audit:verify -- file.ndjson` can check
 * the chain offline, and the head can later be compared with the live chain.
 */

const PAGE = 1_000;

export function streamAuditExport(prisma: Pick<PrismaClient, "auditEvent">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = 0n;
  let count = 0;
  let head: { seq: string; hash: string } | null = null;
  let started = false;
  let done = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (!started) {
        started = true;
        const header = { type: "header", format: "tokenward.audit.v1", hashVersion: AUDIT_HASH_VERSION, exportedAt: new Date().toISOString() };
        controller.enqueue(encoder.encode(`${JSON.stringify(header)}\n`));
        return;
      }
      const rows = await prisma.auditEvent.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: PAGE });
      if (rows.length > 0) {
        const lines = rows.map((r) => {
          count += 1;
          head = { seq: r.seq.toString(), hash: r.hash };
          return JSON.stringify({
            type: "event", seq: r.seq.toString(), time: r.time.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel,
            action: r.action, targetType: r.targetType, targetId: r.targetId, summary: r.summary, prevHash: r.prevHash, hash: r.hash,
          });
        });
        controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
        cursor = rows[rows.length - 1]!.seq;
      }
      if (rows.length < PAGE) {
        controller.enqueue(encoder.encode(`${JSON.stringify({ type: "trailer", count, head })}\n`));
        controller.close();
        done = true;
      }
    },
  });
}

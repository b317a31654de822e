import { auditSigning, type TAuditSigning } from "@/lib/audit/audit-keys";
import { AUDIT_HASH_VERSION } from "@/lib/audit/hash";
import type { TAuditCheckpoint } from "@/lib/audit/signing";
import { AUDIT_CHAIN_LOCK_KEY } from "@/lib/audit/services/append-audit-event";
import { checkpointOf, writeAuditCheckpoint } from "@/lib/audit/services/write-audit-checkpoint";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * NDJSON export of the chain up to its head at the start of the export, streamed in seq order in
 * pages (constant memory):
 *   line 1: { "type": "header", format, hashVersion, exportedAt }
 *   then:   { "type": "checkpoint", v, seq, hash, signedAt, keyId, signature, prevSeq, prevSigHash }   (every stored checkpoint ≤ head)
 *   then:   { "type": "event", seq, time, actorId, actorLabel, action, targetType, targetId, summary, prevHash, hash }
 *   last:   { "type": "trailer", count, head: { seq, hash }, signedHead: checkpoint | null }
 * Every export signs (and stores) a checkpoint at its head, so the file verifies offline against the
 * public key alone (`npm run audit:verify -- file.ndjson --public-key pub.pem`), and a later rewrite
 * of anything up to that head no longer matches the stored checkpoint. Checkpoints come before the
 * events so the verifier holds only them, not every hash, in memory.
 */

const PAGE = 1_000;

type TExportDb = Pick<PrismaClient, "auditEvent" | "auditCheckpoint" | "$transaction">;

export function streamAuditExport(prisma: TExportDb, options: { signing?: TAuditSigning } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
  let snapshot: { head: { seq: bigint; hash: string } | null; signedHead: TAuditCheckpoint | null } | null = null;
  let phase: "checkpoints" | "events" | "done" = "checkpoints";
  let cursor = 0n;
  let count = 0;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const signer = (options.signing ?? auditSigning()).signer;
      snapshot = await prisma.$transaction(async (tx) => {
        // The chain lock: no append can slip between reading the head and signing it.
        await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
        const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
        return { head, signedHead: head && signer ? await writeAuditCheckpoint(tx, signer, head) : null };
      });
      controller.enqueue(line({ type: "header", format: "tokenward.audit.v3", hashVersion: AUDIT_HASH_VERSION, exportedAt: new Date().toISOString() }));
    },
    async pull(controller) {
      const end = snapshot?.head?.seq ?? 0n;
      if (phase === "checkpoints") {
        const rows = await prisma.auditCheckpoint.findMany({ where: { seq: { gt: cursor, lte: end } }, orderBy: { seq: "asc" }, take: PAGE });
        for (const r of rows) controller.enqueue(line({ type: "checkpoint", ...checkpointOf(r) }));
        cursor = rows.at(-1)?.seq ?? cursor;
        if (rows.length < PAGE) [phase, cursor] = ["events", 0n];
        return;
      }
      if (phase === "events") {
        const rows = await prisma.auditEvent.findMany({ where: { seq: { gt: cursor, lte: end } }, orderBy: { seq: "asc" }, take: PAGE });
        if (rows.length > 0) {
          const lines = rows.map((r) =>
            JSON.stringify({
              type: "event", seq: r.seq.toString(), time: r.time.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel,
              action: r.action, targetType: r.targetType, targetId: r.targetId, summary: r.summary, prevHash: r.prevHash, hash: r.hash,
            }),
          );
          count += rows.length;
          controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
          cursor = rows.at(-1)!.seq;
        }
        if (rows.length < PAGE) {
          const head = snapshot?.head ? { seq: snapshot.head.seq.toString(), hash: snapshot.head.hash } : null;
          controller.enqueue(line({ type: "trailer", count, head, signedHead: snapshot?.signedHead ?? null }));
          controller.close();
          phase = "done";
        }
      }
    },
  });
}

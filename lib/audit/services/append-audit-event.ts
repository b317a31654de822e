import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { computeAuditHash, GENESIS_HASH, normaliseSummary } from "@/lib/audit/hash";
import { auditSigning, type TAuditSigning } from "@/lib/audit/audit-keys";
import { writeAuditCheckpoint } from "@/lib/audit/services/write-audit-checkpoint";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Appends one event to the hash chain inside the caller's transaction, so the audit record commits
 * or rolls back with the change it describes.
 *
 * Concurrency: a transaction-scoped advisory lock serialises appenders. Under READ COMMITTED the
 * head is read after the lock is granted, so each writer sees the previous writer's committed event
 * and the chain cannot fork; `seq` (primary key) and `prev_hash` (unique) are a second line of
 * defence that turns any fork into a failed transaction instead of a silent branch.
 *
 * Every `signing.every`-th event (and any event appended with `checkpoint: true`, e.g. an export)
 * also gets a signed checkpoint in the same transaction: one signature per N events keeps the hot
 * path cheap, and a crash cannot leave an event committed without its due checkpoint.
 */

export const AUDIT_CHAIN_LOCK_KEY = 7_264_110_501;

export type TAuditRecord = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary?: Record<string, unknown>;
};

type TTx = Prisma.TransactionClient;

export type TAppendOptions = { signing?: TAuditSigning; checkpoint?: boolean };

export async function appendAuditEvent(tx: TTx, actor: TActor | null, record: TAuditRecord, options: TAppendOptions = {}) {
  const signing = options.signing ?? auditSigning();
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });

  const event = {
    seq: (head?.seq ?? 0n) + 1n,
    time: new Date(),
    actorId: actor?.id ?? null,
    actorLabel: actorLabel(actor),
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId ?? null,
    summary: normaliseSummary(record.summary ?? {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = computeAuditHash(event);
  const created = await tx.auditEvent.create({
    data: { ...event, summary: event.summary as Prisma.InputJsonValue, hash },
  });
  if (signing.signer && (options.checkpoint || event.seq % BigInt(signing.every) === 0n)) {
    await writeAuditCheckpoint(tx, signing.signer, { seq: event.seq, hash });
  }
  return created;
}

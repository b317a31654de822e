import "server-only";
import { buildAuditLogQuery, type TAuditLogSqlRow } from "@/lib/audit/log-query";
import { encodeAuditCursor, type TAuditLogQuery } from "@/lib/audit/schemas";
import type { TChainBreak } from "@/lib/audit/services/verify-audit-chain";
import type { THistoryTargetType } from "@/lib/audit/target-links";
import { db, sqlReader } from "@/lib/db/client";
import type { TSqlReader } from "@/lib/db/sql-reader";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TAuditEventRow = {
  seq: string;
  time: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  hash: string;
  prevHash: string;
};

export type TAuditLogPage = { items: TAuditEventRow[]; nextCursor: string | null };

function toRow(r: TAuditLogSqlRow): TAuditEventRow {
  return {
    seq: r.seq,
    time: r.time,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    summary: JSON.parse(r.summary) as unknown,
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

/** One page of the audit log, newest first by (time, seq), with the cursor of the next (older) page. */
export async function listAuditLog(query: TAuditLogQuery, read?: TSqlReader): Promise<TAuditLogPage> {
  const sql = buildAuditLogQuery(query);
  const rows = await (read ?? (await sqlReader()))<TAuditLogSqlRow>(sql.text, sql.values);
  const page = rows.slice(0, query.limit).map(toRow);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeAuditCursor(new Date(last.time), last.seq) : null };
}

/** The newest events about one entity, for its History panel. */
export async function listEntityHistory(targetType: THistoryTargetType, targetId: string, limit = 10, read?: TSqlReader): Promise<TAuditLogPage> {
  return listAuditLog({ targetType, targetId: targetId.toLowerCase(), limit }, read);
}

export type TAuditEventDetail = TAuditEventRow & {
  /** The first signed checkpoint at or after this event: its signature covers this event's hash. */
  checkpoint: { seq: string; signedAt: string; keyId: string } | null;
};

export async function getAuditEvent(seq: bigint, prisma?: Pick<PrismaClient, "auditEvent" | "auditCheckpoint">): Promise<TAuditEventDetail | null> {
  const client = prisma ?? (await db());
  const [event, checkpoint] = await Promise.all([
    client.auditEvent.findUnique({ where: { seq } }),
    client.auditCheckpoint.findFirst({ where: { seq: { gte: seq } }, orderBy: { seq: "asc" }, select: { seq: true, signedAt: true, keyId: true } }),
  ]);
  if (!event) return null;
  return {
    seq: event.seq.toString(),
    time: event.time.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary,
    hash: event.hash,
    prevHash: event.prevHash,
    checkpoint: checkpoint ? { seq: checkpoint.seq.toString(), signedAt: checkpoint.signedAt.toISOString(), keyId: checkpoint.keyId } : null,
  };
}

/**
 * Distinct values of an indexed column by a loose index scan (one index probe per value), so the
 * filter menus cost as many probes as there are actions, not a scan of a million events.
 */
async function distinctValues(read: TSqlReader, column: "action" | "target_type"): Promise<string[]> {
  const rows = await read<{ v: string }>(
    `WITH RECURSIVE d AS (
       (SELECT ${column} AS v FROM audit_events ORDER BY ${column} LIMIT 1)
       UNION ALL
       SELECT (SELECT ${column} FROM audit_events WHERE ${column} > d.v ORDER BY ${column} LIMIT 1) FROM d WHERE d.v IS NOT NULL
     ) SELECT v FROM d WHERE v IS NOT NULL`,
    [],
  );
  return rows.map((r) => r.v);
}

/** The actions and target types recorded so far: the filter menus' choices. */
export async function auditFilterOptions(read?: TSqlReader): Promise<{ actions: string[]; targetTypes: string[] }> {
  const reader = read ?? (await sqlReader());
  const [actions, targetTypes] = await Promise.all([distinctValues(reader, "action"), distinctValues(reader, "target_type")]);
  return { actions, targetTypes };
}

export type TChainVerificationRun = {
  seq: string;
  time: string;
  actorLabel: string;
  ok: boolean;
  count: number | null;
  head: { seq: string; hash: string } | null;
  firstBreak: TChainBreak | null;
};

/**
 * The last "verify chain" run. Each run is stored as its own audit event (audit.verify_chain, written
 * by the operation with its verdict), so the record of verifications is itself in the chain: a
 * forged "verified OK" would have to break it.
 */
export async function lastChainVerification(read?: TSqlReader): Promise<TChainVerificationRun | null> {
  const page = await listAuditLog({ action: "audit.verify_chain", limit: 1 }, read);
  const event = page.items[0];
  if (!event) return null;
  const s = (event.summary ?? {}) as { ok?: unknown; count?: unknown; head?: TChainVerificationRun["head"]; firstBreak?: TChainBreak | null };
  return {
    seq: event.seq,
    time: event.time,
    actorLabel: event.actorLabel,
    ok: s.ok === true,
    count: typeof s.count === "number" ? s.count : null,
    head: s.head ?? null,
    firstBreak: s.firstBreak ?? null,
  };
}

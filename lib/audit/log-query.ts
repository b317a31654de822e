import { AUDIT_ACTOR_SYSTEM, auditTimeRange, decodeAuditCursor, type TAuditLogQuery } from "@/lib/audit/schemas";

/**
 * The audit log's one SQL statement, built from a validated query: filters, then keyset paging
 * newest first on (time, seq). Every filter is a prefix of one index followed by (time, seq)
 * (schema.prisma, AuditEvent), so the first page and a page a million rows deep are both an index
 * range scan stopping after `limit + 1` rows. Shared by the page, the API and `npm run bench:audit-log`
 * (which times this very text against the route).
 *
 * Times are passed and returned as text in UTC (the column is a timestamp without time zone holding
 * UTC): no driver or session time zone can shift them.
 */

export type TSql = { text: string; values: unknown[] };

export const AUDIT_LOG_COLUMNS = `seq::text AS seq, to_char(time, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, actor_id::text AS actor_id,
  actor_label, action, target_type, target_id, summary::text AS summary, hash, prev_hash`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Date as the column stores it: UTC wall time without zone. */
export const sqlTimestamp = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

export function buildAuditLogQuery(q: TAuditLogQuery): TSql {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];

  if (q.actor === AUDIT_ACTOR_SYSTEM) where.push("actor_id IS NULL");
  else if (q.actor && UUID.test(q.actor)) where.push(`actor_id = ${param(q.actor.toLowerCase())}::uuid`);
  // An e-mail resolves to the user's id first (an InitPlan), so the actor index still serves it.
  else if (q.actor) where.push(`actor_id = (SELECT id FROM users WHERE lower(email) = lower(${param(q.actor)}) LIMIT 1)`);
  if (q.action) where.push(`action = ${param(q.action)}`);
  if (q.targetType) where.push(`target_type = ${param(q.targetType)}`);
  if (q.targetId) where.push(`target_id = ${param(q.targetId)}`);
  const range = auditTimeRange(q);
  if (range.from) where.push(`time >= ${param(sqlTimestamp(range.from))}::timestamp`);
  if (range.to) where.push(`time < ${param(sqlTimestamp(range.to))}::timestamp`);
  const cursor = q.cursor ? decodeAuditCursor(q.cursor) : null;
  if (cursor) where.push(`(time, seq) < (${param(sqlTimestamp(cursor.time))}::timestamp, ${param(cursor.seq.toString())}::bigint)`);

  // ORDER BY names the table's columns (e.): unqualified, "time" and "seq" would be the text output
  // columns of the same names, sorted as text and by a full sort instead of the index.
  const text = `SELECT ${AUDIT_LOG_COLUMNS} FROM audit_events e${where.length ? ` WHERE ${where.join(" AND ")}` : ""}
  ORDER BY e.time DESC, e.seq DESC LIMIT ${param(q.limit + 1)}`;
  return { text, values };
}

export type TAuditLogSqlRow = {
  seq: string;
  time: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  hash: string;
  prev_hash: string;
};

import { z } from "zod";

export const ZSeqCursor = z.string().regex(/^\d{1,19}$/, "cursor must be an event sequence number");


export const ZVerifyAuditChainInput = z.object({
  expectedHead: z.object({ seq: ZSeqCursor, hash: z.string().regex(/^[0-9a-f]{64}$/, "hash must be 64 hex characters") }).optional(),
}).strict();

export const ZAuditExportQuery = z.object({}).strict();

export const ZAuditSigningQuery = z.object({}).strict();

/**
 * The audit log's keyset cursor: the last row's time (epoch milliseconds) and seq, "1733400000000.1234".
 * Rows are listed newest first by (time, seq); the cursor names the row the next page starts after.
 */
export const AUDIT_CURSOR = /^(\d{1,15})\.(\d{1,19})$/;
const MAX_SEQ = 9_223_372_036_854_775_807n;
const MAX_TIME_MS = 8_640_000_000_000_000; // the largest valid Date

export type TAuditCursor = { time: Date; seq: bigint };

export function decodeAuditCursor(raw: string): TAuditCursor | null {
  const match = AUDIT_CURSOR.exec(raw);
  if (!match) return null;
  const ms = Number(match[1]);
  const seq = BigInt(match[2]!);
  if (ms > MAX_TIME_MS || seq > MAX_SEQ) return null;
  return { time: new Date(ms), seq };
}

export function encodeAuditCursor(time: Date, seq: bigint | string): string {
  return `${time.getTime()}.${seq}`;
}

/** A day ("2026-12-05") or a UTC instant ("2026-12-05T14:30", seconds and Z optional), as the date inputs send. */
const TIME_TEXT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/;

function parseInstant(text: string, endOfDay: boolean): Date | null {
  if (!TIME_TEXT.test(text)) return null;
  const dayOnly = text.length === 10;
  const date = new Date(dayOnly ? `${text}T00:00:00Z` : text.endsWith("Z") ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) return null;
  // A day typed in "to" means the whole of that day.
  if (dayOnly && endOfDay) date.setUTCDate(date.getUTCDate() + 1);
  // Round-trip check: 2026-02-31 is not a day.
  if (dayOnly && !endOfDay && date.toISOString().slice(0, 10) !== text) return null;
  return date;
}

/** An empty form field is an absent filter (the filter form submits every field). */
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const AUDIT_ACTOR_SYSTEM = "system";

export const ZAuditLogQuery = z
  .object({
    /** A user id, an e-mail address, or "system" (events no person caused). */
    actor: optionalText(
      z.string().trim().max(254, "Actor must have at most 254 characters").refine(
        (v) => v === AUDIT_ACTOR_SYSTEM || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || /^[^\s@]+@[^\s@]+$/.test(v),
        "Actor must be an e-mail address, a user id or \"system\"",
      ),
    ),
    action: optionalText(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,4}$/, "Action must be an action name such as ownership.assign").max(80, "Action must have at most 80 characters")),
    targetType: optionalText(z.string().regex(/^[a-z][a-z_]{0,39}$/, "Target type must be a target type such as credential")),
    targetId: optionalText(z.string().max(200, "Target id must have at most 200 characters").regex(/^[\w.:@-]+$/, "Target id must be an id (letters, digits, . : @ _ -)")),
    from: optionalText(z.string().max(40, "From must be a date").refine((v) => parseInstant(v, false) !== null, "From must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM)")),
    to: optionalText(z.string().max(40, "To must be a date").refine((v) => parseInstant(v, true) !== null, "To must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM)")),
    cursor: optionalText(z.string().max(40, "Cursor is not one this page gave").refine((v) => decodeAuditCursor(v) !== null, "Cursor is not one this page gave: open the newest page again")),
    limit: z.coerce.number({ error: "Limit must be a number" }).int("Limit must be a whole number").min(1, "Limit must be at least 1").max(200, "Limit must be at most 200").default(50),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.targetId && !q.targetType) ctx.addIssue({ code: "custom", path: ["targetId"], message: "Target id needs a target type" });
    if (q.from && q.to && parseInstant(q.from, false)! >= parseInstant(q.to, true)!) ctx.addIssue({ code: "custom", path: ["to"], message: "To must be after From" });
  });
export type TAuditLogQuery = z.output<typeof ZAuditLogQuery>;

/** The query's time range as instants: from inclusive, to exclusive (a day in "to" includes that day). */
export function auditTimeRange(q: Pick<TAuditLogQuery, "from" | "to">): { from: Date | null; to: Date | null } {
  return { from: q.from ? parseInstant(q.from, false) : null, to: q.to ? parseInstant(q.to, true) : null };
}

/** An event's detail page: /audit/<seq>. */
export const ZAuditEventSeq = z.string().regex(/^[1-9]\d{0,18}$/, "Event must be an event sequence number");

export const ZEntityHistoryQuery = z
  .object({
    targetType: z.enum(["credential", "identity", "mcp_server", "provider", "workflow"], { error: "Target type must be credential, identity, mcp_server, provider or workflow" }),
    targetId: z.uuid({ error: "Target id must be an id" }),
  })
  .strict();

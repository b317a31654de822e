import { AppError } from "@/lib/errors/app-error";
import type { TActor } from "@/lib/auth/actor";
import type { TReach } from "@/lib/auth/permissions";
import { credentialScope, type TParamSink } from "@/lib/auth/resource-scope";
import type { THopQuery } from "@/lib/usage/hop-log-params";

/**
 * The hop log's one statement: filters as equalities on indexed columns, newest first, keyset-paged
 * on (time, id) — the pair every explorer index ends with, and the pair that stays unique when
 * usage_events is range-partitioned by time (its key may become (id, time)).
 */

export type THopCursor = { time: string; id: string };

class Params implements TParamSink {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BIGINT_MAX = 9_223_372_036_854_775_807n;
const NOT_OURS = "cursor is not a page cursor from this hop log";

export function encodeHopCursor(cursor: THopCursor): string {
  return Buffer.from(JSON.stringify([cursor.time, cursor.id]), "utf8").toString("base64url");
}

/**
 * A cursor is client input: both halves must be values PostgreSQL takes for timestamp(3) and bigint,
 * or a forged one (1e300, year 275760, a NUL) reaches the database and answers 500.
 */
export function decodeHopCursor(token: string): THopCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", NOT_OURS);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new AppError("VALIDATION", NOT_OURS);
  const [time, id] = parsed as unknown[];
  if (typeof time !== "string" || !CURSOR_TIME.test(time) || Number.isNaN(Date.parse(time)) || new Date(time).toISOString() !== time) throw new AppError("VALIDATION", NOT_OURS);
  if (typeof id !== "string" || !/^[1-9]\d{0,18}$/.test(id) || BigInt(id) > BIGINT_MAX) throw new AppError("VALIDATION", NOT_OURS);
  return { time, id };
}

export type THopScope = { actor: Pick<TActor, "id" | "teamIds">; reach: TReach };

export type THopPlan = { text: string; values: unknown[]; reversed: boolean };

/** Columns of one explorer row; the credential's name and hint come from credentials (c). */
export const HOP_COLUMNS = `u.id::text AS id, u.event_id, u.time, u.trace_id, u.span_id, u.credential_id::text AS credential_id, c.name AS credential_name, c.hint,
  u.caller_kind::text AS caller_kind, u.caller_id, u.caller_environment::text AS caller_environment,
  u.target_kind::text AS target_kind, u.target_id, u.target_audience, u.tool, u.outcome::text AS outcome`;

/**
 * One page: limit + 1 rows (the extra says whether more exist). `before` walks backwards (oldest
 * first) and the caller reverses the rows. Owners' reach is the same "owned" condition as every
 * other list (lib/auth/resource-scope.ts), over the hop's credential.
 */
export function buildHopQuery(query: THopQuery, scope: THopScope): THopPlan {
  const p = new Params();
  const where: string[] = [];
  if (query.credential) where.push(`u.credential_id = ${p.add(query.credential, "uuid")}`);
  if (query.trace) where.push(`u.trace_id = ${p.add(query.trace, "text")}`);
  if (query.caller) where.push(`u.caller_id = ${p.add(query.caller, "text")}`);
  if (query.target) where.push(`u.target_id = ${p.add(query.target, "text")}`);
  if (query.tool) where.push(`u.tool = ${p.add(query.tool, "text")}`);
  if (query.outcome) where.push(`u.outcome = ${p.add(query.outcome, '"UsageOutcome"')}`);
  if (query.from) where.push(`u.time >= ${p.add(query.from, "timestamp(3)")}`);
  if (query.to) where.push(`u.time < ${p.add(query.to, "timestamp(3)")}`);
  const token = query.after ?? query.before;
  const reversed = query.before !== undefined;
  if (token) {
    const cursor = decodeHopCursor(token);
    where.push(`(u.time, u.id) ${reversed ? ">" : "<"} (${p.add(cursor.time, "timestamp(3)")}, ${p.add(cursor.id, "bigint")})`);
  }
  if (scope.reach !== "any") {
    // EXISTS rather than a join condition: the filter stays on the hop, the index walk stays ordered.
    where.push(`EXISTS (SELECT 1 FROM credentials c WHERE c.id = u.credential_id AND ${credentialScope(scope.actor, scope.reach, p, "c")})`);
  }
  const order = reversed ? "ASC" : "DESC";
  const text = `SELECT ${HOP_COLUMNS}
  FROM (SELECT * FROM usage_events u ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY u.time ${order}, u.id ${order} LIMIT ${query.limit + 1}) u
  LEFT JOIN credentials c ON c.id = u.credential_id
 ORDER BY u.time ${order}, u.id ${order}`;
  return { text, values: p.values, reversed };
}

/**
 * One trace's hops in time order (limit rows), within the actor's reach: an owner sees the hops of
 * the credentials they or their team own and nothing of another team's — the same rule as the
 * explorer, so a trace link handed around (an alert, a webhook) shows no more than /usage would.
 */
export function buildTraceQuery(traceId: string, scope: THopScope, limit: number): THopPlan {
  const p = new Params();
  const where = [`u.trace_id = ${p.add(traceId, "text")}`];
  if (scope.reach !== "any") where.push(`EXISTS (SELECT 1 FROM credentials c WHERE c.id = u.credential_id AND ${credentialScope(scope.actor, scope.reach, p, "c")})`);
  // parent_span_id too: the trace graph links a hop to the one that called it.
  const text = `SELECT ${HOP_COLUMNS}, u.parent_span_id
  FROM usage_events u LEFT JOIN credentials c ON c.id = u.credential_id
 WHERE ${where.join(" AND ")}
 ORDER BY u.time, u.id
 LIMIT ${limit}`;
  return { text, values: p.values, reversed: false };
}

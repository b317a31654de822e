import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { USAGE_FACTORS, type TUsageFactor } from "@/lib/usage/usage-factors";
import { forwardedEdges, type THop } from "@/lib/usage/trace-model";
import type { TSqlReader } from "@/lib/db/sql-reader";
import type { THopPage, THopQuery, THopRow } from "@/lib/usage/hop-log-params";
import { buildHopQuery, buildTraceQuery, encodeHopCursor, type THopScope } from "@/lib/usage/hop-log-sql";

/**
 * Reads behind the Alerts page and the trace view. The detectors are the usage risk factors, scored
 * when the usage.apply job rescored a credential after its hops arrived: an alert is a credential
 * whose current score carries one of them, with that factor's evidence.
 */

export { USAGE_FACTORS, type TUsageFactor };

export const ALERT_LIST_CAP = 300;

export type TAlertFinding = {
  factor: TUsageFactor;
  points: number;
  evidence: string;
  /** A decision in force: acknowledged, or resolved with no newer hop since. */
  decision: { kind: "acknowledged" | "resolved"; comment: string; by: string; at: string } | null;
};

export type TAlertRow = {
  credentialId: string;
  name: string;
  provider: string;
  owner: string | null;
  level: string;
  score: number;
  findings: TAlertFinding[];
  /** The latest trace in which it was forwarded (passthrough only): what the evidence links to. */
  trace: string | null;
  lastUsedAt: string | null;
};

export const ALERT_VIEWS = ["open", "decided"] as const;
export type TAlertView = (typeof ALERT_VIEWS)[number];

type TRaw = {
  id: string; name: string; provider_name: string; owner_name: string | null; level: string; score: number;
  factors: { id: string; points: number; evidence: string }[]; trace: string | null; last_used_at: Date | null;
  decisions: { factor: string; decision: "acknowledged" | "resolved"; comment: string; by: string; at: string }[] | null;
};

/**
 * A decision is in force while it is an acknowledgement, or a resolution no hop has contradicted
 * since (the credential was not used after it): the SQL below and the page read it the same way.
 */
const IN_FORCE = `(d.decision = 'acknowledged' OR c.last_used_at IS NULL OR c.last_used_at <= d.decided_at)`;

export async function listUsageAlerts(
  prisma: PrismaClient,
  factor?: TUsageFactor,
  view: TAlertView = "open",
): Promise<{ items: TAlertRow[]; counts: Record<TUsageFactor, number>; decided: number; capped: boolean }> {
  const wanted = factor ? [factor] : [...USAGE_FACTORS];
  // Open: at least one wanted finding without a decision in force. Decided: at least one with one.
  const findingFilter = `EXISTS (SELECT 1 FROM unnest(r.factor_ids) AS f WHERE f = ANY($1::text[]) AND ${view === "open" ? "NOT " : ""}EXISTS (
      SELECT 1 FROM usage_alert_decisions d WHERE d.credential_id = c.id AND d.factor = f AND ${IN_FORCE}))`;
  const rows = await prisma.$queryRawUnsafe<TRaw[]>(
    `SELECT c.id::text AS id, c.name, c.provider_name, c.owner_name, r.level::text AS level, r.score, r.factors, c.last_used_at, pt.trace_id AS trace,
            (SELECT json_agg(json_build_object('factor', d.factor, 'decision', d.decision, 'comment', d.comment, 'by', d.decided_by_label, 'at', to_char(d.decided_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
               FROM usage_alert_decisions d WHERE d.credential_id = c.id AND ${IN_FORCE}) AS decisions
       FROM credential_risks r
       JOIN credentials c ON c.id = r.credential_id
       LEFT JOIN LATERAL (
         SELECT e1.trace_id FROM usage_events e1
           JOIN usage_events e2 ON e2.trace_id = e1.trace_id AND e2.credential_id = e1.credential_id AND e2.id <> e1.id
                               AND e2.caller_kind = 'mcp_server' AND (e2.parent_span_id = e1.span_id OR e2.caller_id = e1.target_id)
          WHERE e1.credential_id = c.id AND e1.target_kind = 'mcp_server' AND 'passthrough' = ANY(r.factor_ids)
          ORDER BY e2.time DESC LIMIT 1) pt ON true
      WHERE r.factor_ids && $1::text[] AND ${findingFilter}
      ORDER BY r.score DESC, c.id
      LIMIT ${ALERT_LIST_CAP + 1}`,
    wanted,
  );
  const countRows = await prisma.$queryRawUnsafe<{ factor: TUsageFactor; n: number }[]>(
    `SELECT f AS factor, count(*)::int AS n
       FROM credential_risks r JOIN credentials c ON c.id = r.credential_id, unnest(r.factor_ids) AS f
      WHERE f = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM usage_alert_decisions d WHERE d.credential_id = c.id AND d.factor = f AND ${IN_FORCE})
      GROUP BY f`,
    [...USAGE_FACTORS],
  );
  const [decidedRow] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM usage_alert_decisions d JOIN credentials c ON c.id = d.credential_id JOIN credential_risks r ON r.credential_id = c.id
      WHERE d.factor = ANY(r.factor_ids) AND d.factor = ANY($1::text[]) AND ${IN_FORCE}`,
    wanted,
  );
  const counts = Object.fromEntries(USAGE_FACTORS.map((f) => [f, 0])) as Record<TUsageFactor, number>;
  for (const row of countRows) counts[row.factor] = row.n;
  const items = rows.slice(0, ALERT_LIST_CAP).map((row) => {
    const decisions = new Map((row.decisions ?? []).map((d) => [d.factor, d]));
    return {
      credentialId: row.id,
      name: row.name,
      provider: row.provider_name,
      owner: row.owner_name,
      level: row.level,
      score: row.score,
      findings: row.factors
        .filter((f) => wanted.includes(f.id as TUsageFactor))
        .map((f) => {
          const d = decisions.get(f.id);
          return { factor: f.id as TUsageFactor, points: f.points, evidence: f.evidence, decision: d ? { kind: d.decision, comment: d.comment, by: d.by, at: new Date(d.at).toISOString() } : null };
        }),
      trace: row.trace,
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
    };
  });
  return { items, counts, decided: decidedRow?.n ?? 0, capped: rows.length > ALERT_LIST_CAP };
}

export const TRACE_HOP_CAP = 500;

/** One row of HOP_COLUMNS (lib/usage/hop-log-sql.ts): the trace view and the explorer read the same columns. */
type THopLogRaw = {
  id: string; event_id: string; time: Date; trace_id: string; span_id: string; credential_id: string | null; credential_name: string | null; hint: string | null;
  caller_kind: string; caller_id: string; caller_environment: string | null; target_kind: string; target_id: string; target_audience: string | null; tool: string | null; outcome: string;
};

/** One trace's hops in time order, and which of them forwarded a credential (the passthrough edges). */
export async function readTrace(read: TSqlReader, traceId: string, scope: THopScope): Promise<{ hops: THop[]; forwarded: string[]; capped: boolean }> {
  const plan = buildTraceQuery(traceId, scope, TRACE_HOP_CAP + 1);
  const rows = await read<THopLogRaw & { parent_span_id: string | null }>(plan.text, plan.values);
  const hops: THop[] = rows.slice(0, TRACE_HOP_CAP).map((r) => ({
    id: r.event_id, time: new Date(r.time).toISOString(), spanId: r.span_id, parentSpanId: r.parent_span_id,
    credential: r.credential_id ? { id: r.credential_id, name: r.credential_name ?? "", hint: r.hint } : null,
    caller: { kind: r.caller_kind, id: r.caller_id, environment: r.caller_environment }, target: { kind: r.target_kind, id: r.target_id, audience: r.target_audience },
    tool: r.tool, outcome: r.outcome,
  }));
  return { hops, forwarded: forwardedEdges(hops), capped: rows.length > TRACE_HOP_CAP };
}

// ---------------------------------------------------------------------------------------------
// The hop-log explorer (/usage, GET /api/v1/usage/events): lib/usage/hop-log-sql.ts builds it.
// ---------------------------------------------------------------------------------------------


/** One keyset page of hops, newest first, within the actor's reach. */
export async function listHops(read: TSqlReader, query: THopQuery, scope: THopScope): Promise<THopPage> {
  const plan = buildHopQuery(query, scope);
  const rows = await read<THopLogRaw>(plan.text, plan.values);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (plan.reversed) page.reverse();
  const items: THopRow[] = page.map((r) => ({
    id: r.id, eventId: r.event_id, time: new Date(r.time).toISOString(), traceId: r.trace_id, spanId: r.span_id,
    credential: r.credential_id ? { id: r.credential_id, name: r.credential_name ?? "", hint: r.hint } : null,
    caller: { kind: r.caller_kind, id: r.caller_id, environment: r.caller_environment },
    target: { kind: r.target_kind, id: r.target_id, audience: r.target_audience },
    tool: r.tool, outcome: r.outcome as THopRow["outcome"],
  }));
  const cursorOf = (row: THopRow | undefined) => (row ? encodeHopCursor({ time: row.time, id: row.id }) : null);
  // Forward: "next" exists when the extra row did; "previous" whenever we came from a cursor.
  // Backward (before=): the reverse — there is always a next page (the one we came from).
  const nextCursor = plan.reversed ? cursorOf(items.at(-1)) : more ? cursorOf(items.at(-1)) : null;
  const prevCursor = plan.reversed ? (more ? cursorOf(items[0]) : null) : query.after ? cursorOf(items[0]) : null;
  return { items, nextCursor, prevCursor };
}

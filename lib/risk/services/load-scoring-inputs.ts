import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import type { TFactorResult, TRiskLevel, TScoringContext, TScoringCredential, THolderKind } from "@/lib/risk/model";

/**
 * Loads what the scorer needs for a set of credentials in ONE set-based statement: the credential
 * rows, their provider, owner, team and identity, and per-credential aggregates of bindings
 * (holders, environments, audiences), open exposures and usage in the window (callers, target
 * audiences, passthrough traces). Each aggregate is restricted to the selected credentials by an
 * indexed predicate (an id range for the full recompute, an id list for incremental updates), so
 * the cost is per batch, never per credential.
 *
 * Every list is ordered deterministically (ties broken by value): the evidence built from it must
 * read the same on every run, or unchanged credentials would be rewritten.
 *
 * Rows come back as one JSON text each: parsing JSON is far cheaper in Node than converting
 * hundreds of typed columns per row, and times travel as epoch milliseconds.
 */

export type TSelector = { kind: "range"; from: string; to: string } | { kind: "ids"; ids: string[] } | { kind: "all" };

export type TStoredResult = {
  score: number;
  level: TRiskLevel;
  factors: TFactorResult[];
  /** credential_risks.privileges as stored (lib/scopes). */
  privileges: string[];
  scoredAt: number | null;
};

export type TScoringInput = { credential: TScoringCredential; context: TScoringContext; stored: TStoredResult };

type TSql = Pick<PrismaClient, "$queryRawUnsafe"> | Pick<TTx, "$queryRawUnsafe">;

const HOLDER_KINDS: THolderKind[] = ["agent", "mcp_server", "mcp_client", "service_account", "app", "bot"];
const MAX_CALLERS = 50;

function where(selector: TSelector, column: string): string {
  switch (selector.kind) {
    case "range": return `${column} BETWEEN $1::uuid AND $2::uuid`;
    case "ids": return `${column} = ANY($1::uuid[])`;
    case "all": return "TRUE";
  }
}

function params(selector: TSelector): unknown[] {
  switch (selector.kind) {
    case "range": return [selector.from, selector.to];
    case "ids": return [selector.ids];
    case "all": return [];
  }
}

const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;

/** The statement; exported so the benchmark can time the very same read as one pass over all rows. */
export function scoringInputsSql(selector: TSelector): string {
  const since = `$${params(selector).length + 1}::timestamp(3)`;
  const perKind = HOLDER_KINDS.filter((k) => k !== "mcp_server")
    .map((k) => `'${k}', count(DISTINCT b.holder_identity_id) FILTER (WHERE hi.kind = '${k}')`)
    .join(", ");
  return `
WITH sel AS (
  SELECT c.* FROM credentials c WHERE ${where(selector, "c.id")}
),
bind AS (
  SELECT b.credential_id AS id,
         count(DISTINCT coalesce(b.holder_identity_id, b.holder_mcp_server_id)) AS holders,
         json_build_object(${perKind},
           'mcp_server', count(DISTINCT b.holder_mcp_server_id) + count(DISTINCT b.holder_identity_id) FILTER (WHERE hi.kind = 'mcp_server')) AS by_kind,
         array_agg(DISTINCT b.environment::text) AS environments,
         coalesce(array_agg(DISTINCT b.audience) FILTER (WHERE b.audience IS NOT NULL), '{}') AS audiences
    FROM bindings b LEFT JOIN identities hi ON hi.id = b.holder_identity_id
   WHERE ${where(selector, "b.credential_id")}
   GROUP BY b.credential_id
),
expo AS (
  SELECT e.credential_id AS id, count(*) AS open,
         (array_agg(json_build_object('locationKind', e.location_kind, 'location', e.location, 'repository', e.repository) ORDER BY e.detected_at DESC, e.location))[1:3] AS samples
    FROM exposures e
   WHERE e.resolved_at IS NULL AND ${where(selector, "e.credential_id")}
   GROUP BY e.credential_id
),
caller_counts AS (
  SELECT u.credential_id, u.caller_kind, u.caller_id, u.caller_environment, u.user_agent, count(*) AS n, max(u.time) AS last_at,
         row_number() OVER (PARTITION BY u.credential_id ORDER BY count(*) DESC, max(u.time) DESC, u.caller_id, u.caller_kind, u.caller_environment, u.user_agent) AS rn
    FROM usage_events u
   WHERE ${where(selector, "u.credential_id")} AND u.time >= ${since}
   GROUP BY u.credential_id, u.caller_kind, u.caller_id, u.caller_environment, u.user_agent
),
callers AS (
  SELECT credential_id AS id,
         json_agg(json_build_object('kind', caller_kind, 'id', caller_id, 'environment', caller_environment, 'userAgent', user_agent,
                                    'count', n, 'lastAt', ${ms("last_at")}) ORDER BY rn) AS list
    FROM caller_counts WHERE rn <= ${MAX_CALLERS} GROUP BY credential_id
),
audiences AS (
  SELECT credential_id AS id, json_agg(json_build_object('audience', target_audience, 'count', n) ORDER BY n DESC, target_audience) AS list
    FROM (SELECT u.credential_id, u.target_audience, count(*) AS n FROM usage_events u
           WHERE ${where(selector, "u.credential_id")} AND u.time >= ${since} AND u.target_audience IS NOT NULL
           GROUP BY u.credential_id, u.target_audience) x
   GROUP BY credential_id
),
pass AS (
  SELECT e1.credential_id AS id, count(DISTINCT e1.trace_id) AS traces,
         (array_agg(json_build_object('traceId', e1.trace_id, 'server', e1.target_id, 'serverAudience', e1.target_audience,
                                      'upstream', e2.target_id, 'at', ${ms("e2.time")}) ORDER BY e2.time DESC, e1.trace_id, e2.target_id))[1] AS sample
    FROM usage_events e1
    JOIN usage_events e2 ON e2.trace_id = e1.trace_id AND e2.credential_id = e1.credential_id AND e2.id <> e1.id
                        AND e2.caller_kind = 'mcp_server' AND (e2.parent_span_id = e1.span_id OR e2.caller_id = e1.target_id)
   WHERE e1.target_kind = 'mcp_server' AND ${where(selector, "e1.credential_id")} AND e1.time >= ${since}
   GROUP BY e1.credential_id
),
unbound AS (
  SELECT x.id, json_agg(json_build_object('server', x.name, 'gap', x.gap, 'at', x.at) ORDER BY x.name, x.sid) AS list
    FROM (SELECT DISTINCT b.credential_id AS id, m.id AS sid, m.name, m.last_probe_audience_gap AS gap, ${ms("m.last_probe_at")} AS at
            FROM bindings b JOIN mcp_servers m ON m.id = b.target_mcp_server_id
           WHERE m.last_probe_audience_gap IS NOT NULL AND ${where(selector, "b.credential_id")}) x
   GROUP BY x.id
)
SELECT json_build_object(
  'id', s.id, 'name', s.name, 'kind', s.kind, 'status', s.status, 'environment', s.environment,
  'scopes', s.scopes, 'audiences', s.audiences, 'usedScopes', s.used_scopes,
  'issuedAt', ${ms("s.issued_at")}, 'expiresAt', ${ms("s.expires_at")}, 'lastUsedAt', ${ms("s.last_used_at")},
  'lastRotatedAt', ${ms("s.last_rotated_at")}, 'createdAt', ${ms("s.created_at")},
  'providerName', p.name, 'providerType', p.type, 'sensitivity', p.sensitivity,
  'ownerEmail', o.email, 'ownerActive', o.active, 'ownerDeactivatedAt', ${ms("o.deactivated_at")}, 'teamName', t.name,
  'identityName', i.name, 'identityKind', i.kind, 'identityEnvironment', i.environment, 'vendor', i.third_party_vendor,
  'identityOwnerEmail', io.email, 'identityOwnerActive', io.active, 'identityOwnerDeactivatedAt', ${ms("io.deactivated_at")}, 'identityTeamName', it.name,
  'holders', coalesce(bind.holders, 0), 'holdersByKind', bind.by_kind, 'holderEnvironments', bind.environments, 'holderAudiences', bind.audiences,
  'exposures', coalesce(expo.open, 0), 'exposureSamples', expo.samples,
  'callers', callers.list, 'targetAudiences', audiences.list, 'passthroughTraces', coalesce(pass.traces, 0), 'passthroughSample', pass.sample,
  'unboundAt', unbound.list,
  'riskScore', r.score, 'riskLevel', r.level, 'riskFactors', r.factors, 'riskPrivileges', coalesce(r.privileges, '{}'), 'riskScoredAt', ${ms("r.scored_at")}
)::text AS j
FROM sel s
JOIN providers p ON p.id = s.provider_id
JOIN credential_risks r ON r.credential_id = s.id
LEFT JOIN users o ON o.id = s.owner_id
LEFT JOIN teams t ON t.id = s.team_id
LEFT JOIN identities i ON i.id = s.identity_id
LEFT JOIN users io ON io.id = i.owner_id
LEFT JOIN teams it ON it.id = i.team_id
LEFT JOIN bind ON bind.id = s.id
LEFT JOIN expo ON expo.id = s.id
LEFT JOIN callers ON callers.id = s.id
LEFT JOIN audiences ON audiences.id = s.id
LEFT JOIN pass ON pass.id = s.id
LEFT JOIN unbound ON unbound.id = s.id`;
}

export function scoringInputsParams(selector: TSelector, since: Date): unknown[] {
  return [...params(selector), since.toISOString()];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- one JSON row, shaped by the statement above */
export function toScoringInput(row: any, now: number, since: number): TScoringInput {
  const credential: TScoringCredential = {
    id: row.id, name: row.name, kind: row.kind, status: row.status, environment: row.environment,
    scopes: row.scopes ?? [], audiences: row.audiences ?? [], usedScopes: row.usedScopes ?? [],
    issuedAt: row.issuedAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, lastRotatedAt: row.lastRotatedAt, createdAt: row.createdAt,
  };
  const owner = row.ownerEmail
    ? { email: row.ownerEmail, active: row.ownerActive, deactivatedAt: row.ownerDeactivatedAt, via: "credential" as const }
    : row.identityOwnerEmail
      ? { email: row.identityOwnerEmail, active: row.identityOwnerActive, deactivatedAt: row.identityOwnerDeactivatedAt, via: "identity" as const }
      : null;
  const team = row.teamName ? { name: row.teamName, via: "credential" as const } : row.identityTeamName ? { name: row.identityTeamName, via: "identity" as const } : null;
  const byKind: Partial<Record<THolderKind, number>> = {};
  if (row.holdersByKind) for (const k of HOLDER_KINDS) if (row.holdersByKind[k] > 0) byKind[k] = row.holdersByKind[k];
  const context: TScoringContext = {
    now,
    provider: { name: row.providerName, type: row.providerType, sensitivity: row.sensitivity },
    owner,
    team,
    identity: row.identityName ? { name: row.identityName, kind: row.identityKind, environment: row.identityEnvironment, thirdPartyVendor: row.vendor } : null,
    holders: { total: row.holders, byKind, environments: row.holderEnvironments ?? [], audiences: row.holderAudiences ?? [] },
    exposures: { open: row.exposures, samples: row.exposureSamples ?? [] },
    usage: {
      since,
      callers: row.callers ?? [],
      targetAudiences: row.targetAudiences ?? [],
      passthrough: { traces: row.passthroughTraces, sample: row.passthroughSample ?? null },
    },
    unboundAt: row.unboundAt ?? [],
  };
  const stored: TStoredResult = {
    score: row.riskScore, level: row.riskLevel, factors: Array.isArray(row.riskFactors) ? row.riskFactors : [],
    privileges: Array.isArray(row.riskPrivileges) ? row.riskPrivileges : [], scoredAt: row.riskScoredAt,
  };
  return { credential, context, stored };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function parseScoringRows(rows: readonly { j: string }[], now: number, usageWindowDays: number): TScoringInput[] {
  const since = now - usageWindowDays * 86_400_000;
  return rows.map((r) => toScoringInput(JSON.parse(r.j), now, since));
}

export async function loadScoringInputs(db: TSql, selector: TSelector, now: number, usageWindowDays: number): Promise<TScoringInput[]> {
  if (selector.kind === "ids" && selector.ids.length === 0) return [];
  const since = now - usageWindowDays * 86_400_000;
  const rows = await db.$queryRawUnsafe<{ j: string }[]>(scoringInputsSql(selector), ...scoringInputsParams(selector, new Date(since)));
  return parseScoringRows(rows, now, usageWindowDays);
}

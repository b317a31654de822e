import type { TActor } from "@/lib/auth/actor";
import { credentialScope } from "@/lib/auth/resource-scope";
import { AppError } from "@/lib/errors/app-error";
import { autoRefreshSql } from "@/lib/inventory/auto-refresh";
import { orphanedSql } from "@/lib/inventory/orphaned";
import { factorById } from "@/lib/risk/factors/registry";
import { effectiveStatusSql, statusConditionSql } from "@/lib/inventory/effective-status";
import {
  searchTerms,
  type TCredentialFilter,
  type TCredentialListQuery,
  type TSortDir,
  type TSortKey,
} from "@/lib/inventory/query-params";

/**
 * Filter → SQL for the credential inventory. Pure (no database, no clock): given a validated query
 * and "now" it returns parameterised SQL, so the route, the page, the benchmark's raw-SQL baseline
 * and the unit tests all run exactly the same statement.
 *
 * Paging is keyset only: every sort is (sort column, id) in one direction, compared as a row
 * (`(col, id) > ($v, $id)`) so one ascending (col, id) btree serves both directions. Nullable sort
 * columns are split into a non-null and a null segment (UNION ALL), each with its own index range,
 * so NULLs have a fixed place: "never expires" sorts after every date, "never used / rotated" before
 * every date, "no owner / team" after every name.
 *
 * Risk lives in credential_risks (`r`, one row per credential, joined on its primary key): the risk
 * sort walks r's (score, credential_id) index, so its tie-breaker is r.credential_id (= c.id).
 */

export type TSqlQuery = { text: string; values: unknown[] };

type TSortSpec = {
  column: string;
  /** The id column paired with `column` in its index (default c.id). */
  id?: string;
  /** SQL type for the cursor value parameter. */
  cast: string;
  /** How the cursor value is checked and carried in JSON. */
  value: "int" | "score" | "text" | "timestamp";
  /** Where NULL sorts when ascending: "high" = after all values, "low" = before; absent = NOT NULL. */
  nulls?: "high" | "low";
};

export const SORTS: Record<TSortKey, TSortSpec> = {
  risk: { column: "r.score", id: "r.credential_id", cast: "float8", value: "score" },
  name: { column: "c.name", cast: "text", value: "text" },
  provider: { column: "c.provider_name", cast: "text", value: "text" },
  kind: { column: "c.kind", cast: `"CredentialKind"`, value: "text" },
  status: { column: "c.status", cast: `"CredentialStatus"`, value: "text" },
  environment: { column: "c.environment", cast: `"Environment"`, value: "text" },
  owner: { column: "c.owner_name", cast: "text", value: "text", nulls: "high" },
  team: { column: "c.team_name", cast: "text", value: "text", nulls: "high" },
  expires: { column: "c.expires_at", cast: "timestamp(3)", value: "timestamp", nulls: "high" },
  lastUsed: { column: "c.last_used_at", cast: "timestamp(3)", value: "timestamp", nulls: "low" },
  lastRotated: { column: "c.last_rotated_at", cast: "timestamp(3)", value: "timestamp", nulls: "low" },
  created: { column: "c.created_at", cast: "timestamp(3)", value: "timestamp" },
};

/** Collects bind parameters; `add` returns the typed placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const DAY_MS = 86_400_000;

function anyOf(column: string, values: readonly string[], cast: string, p: SqlParams): string {
  return values.length === 1 ? `${column} = ${p.add(values[0], cast)}` : `${column} = ANY(${p.add(values, `${cast}[]`)})`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Whether a filter's conditions read the risk row (`r`): risk level, framework item, factor, privilege, an owner's id. */
export function usesRisk(filter: TCredentialFilter): boolean {
  return Boolean(filter.risk || filter.framework || filter.factor || filter.privilege || (filter.owner && filter.owner !== "none"));
}

/**
 * The WHERE conditions of a filter (ANDed). Every value is a bind parameter. `riskSort`: the
 * statement walks r's score index, so conditions that have a copy on r read the copy.
 */
/** Who is looking, for filters relative to the viewer ("mine"). */
export type TViewer = Pick<TActor, "id" | "teamIds">;

/** `scopeNames`, `tagIds`: what resolveFilter read first (every reader passes them; see TResolvedFilter). */
export type TFilterOptions = { riskSort?: boolean; viewer?: TViewer } & TResolvedFilter;

/**
 * What lib/inventory/resolve-filter.ts read before the statement: the scope names a scope text
 * matches, and — when the risk-tag conditions hold for few credentials — exactly which ones.
 */
export type TResolvedFilter = { scopeNames?: readonly string[]; tagIds?: readonly string[] };

export function filterConditions(filter: TCredentialFilter, now: Date, p: SqlParams, { riskSort = false, viewer, scopeNames, tagIds }: TFilterOptions = {}): string[] {
  const where: string[] = [];
  if (filter.mine) {
    if (!viewer) throw new AppError("VALIDATION", "mine=1 needs a signed-in viewer");
    // The same condition the authorization seam locks "owned" targets with.
    where.push(credentialScope(viewer, "owned", p));
  }
  if (filter.q) {
    const tsquery = searchTerms(filter.q).map((t) => `${t}:*`).join(" & ");
    // r.search_vector is the trigger-kept copy: by risk, checked on the row the walk has already read.
    where.push(`${riskSort ? "r" : "c"}.search_vector @@ to_tsquery('simple', ${p.add(tsquery, "text")})`);
  }
  // Effective status: an active credential past its expiry is expired now, not when the job runs.
  if (filter.status) where.push(statusConditionSql(filter.status, () => p.add(iso(now), "timestamp(3)"), (v, cast) => p.add(v, cast)));
  // r.provider_id is the trigger-kept copy of c.provider_id: by risk, one provider's rows in risk
  // order are one range of its (provider_id, score, credential_id) index, not a probe per credential.
  if (filter.provider) where.push(anyOf(riskSort ? "r.provider_id" : "c.provider_id", filter.provider, "uuid", p));
  if (filter.kind) where.push(anyOf("c.kind", filter.kind, `"CredentialKind"`, p));
  if (filter.env) where.push(anyOf("c.environment", filter.env, `"Environment"`, p));
  if (filter.risk) where.push(anyOf("r.level", filter.risk, `"RiskLevel"`, p));
  // r.owner_id is the trigger-kept copy of c.owner_id: the owner's risk-ordered view walks one index.
  if (filter.owner) where.push(filter.owner === "none" ? "c.owner_id IS NULL" : `r.owner_id = ${p.add(filter.owner, "uuid")}`);
  if (filter.team) where.push(filter.team[0] === "none" ? "c.team_id IS NULL" : anyOf("c.team_id", filter.team, "uuid", p));
  if (filter.orphaned) where.push(orphanedSql("c"));
  if (filter.holder) {
    where.push(`c.identity_id IN (SELECT i.id FROM identities i WHERE ${anyOf("i.kind", filter.holder, `"IdentityKind"`, p)})`);
  }
  if (filter.identity) {
    const id = p.add(filter.identity, "uuid");
    where.push(`(c.identity_id = ${id} OR c.id IN (SELECT b.credential_id FROM bindings b WHERE b.holder_identity_id = ${id}))`);
  }
  if (filter.server) {
    const id = p.add(filter.server, "uuid");
    where.push(
      `c.id IN (SELECT b.credential_id FROM bindings b WHERE b.target_mcp_server_id = ${id} UNION SELECT b.credential_id FROM bindings b WHERE b.holder_mcp_server_id = ${id})`,
    );
  }
  const tags = tagConditions(filter, p);
  // The few ids the tags hold for, read first: the planner then looks up exactly those rows instead
  // of walking a sort index hoping to meet them. The tag conditions stay, so the answer stays exact.
  if (tags.length > 0 && tagIds) where.push(tagIds.length === 0 ? "false" : `c.id = ANY(${p.add(tagIds, "uuid[]")})`);
  where.push(...tags);
  const heldOnly = filter.factor ? factorById(filter.factor)?.heldOnlyWhere : undefined;
  if (heldOnly) where.push(heldOnly("c"));
  if (filter.expiresWithin !== undefined) {
    const until = new Date(now.getTime() + filter.expiresWithin * DAY_MS);
    where.push(`c.expires_at >= ${p.add(iso(now), "timestamp(3)")} AND c.expires_at < ${p.add(iso(until), "timestamp(3)")}`);
  }
  // r.never_expires is the trigger-kept copy of c.expires_at IS NULL: by risk, the walk runs over its
  // partial index (never-expiring rows only) instead of probing every credential of the score index.
  if (filter.neverExpires) where.push(riskSort ? "r.never_expires" : "c.expires_at IS NULL");
  if (filter.autoRefresh) {
    const sql = autoRefreshSql(p.add(iso(now), "timestamp(3)"));
    where.push(filter.autoRefresh === "only" ? sql : `NOT ${sql}`);
  }
  if (filter.lastUsedBefore) where.push(`c.last_used_at < ${p.add(`${filter.lastUsedBefore}T00:00:00.000Z`, "timestamp(3)")}`);
  if (filter.lastUsedAfter) where.push(`c.last_used_at >= ${p.add(`${filter.lastUsedAfter}T00:00:00.000Z`, "timestamp(3)")}`);
  if (filter.neverUsed) where.push("c.last_used_at IS NULL");
  if (filter.unusedFor !== undefined) {
    const cut = p.add(iso(new Date(now.getTime() - filter.unusedFor * DAY_MS)), "timestamp(3)");
    where.push(`(c.last_used_at < ${cut} OR (c.last_used_at IS NULL AND coalesce(c.issued_at, c.created_at) < ${cut}))`);
  }
  if (filter.exposed) where.push("c.exposure_count > 0");
  if (filter.shared) where.push("c.consumer_count > 1");
  if (filter.scope && scopeNames) {
    // A text nobody carries matches no credential: a constant the planner answers without reading one.
    // r.scopes is the trigger-kept copy: by risk, checked on the row the walk has already read.
    where.push(scopeNames.length === 0 ? "false" : `${riskSort ? "r" : "c"}.scopes && ${p.add(scopeNames, "text[]")}`);
  } else if (filter.scope) {
    // The text is matched against the scope vocabulary (a hundred rows), not every credential's
    // scopes. The uncorrelated EXISTS is a one-time filter: a text nobody carries reads no credential.
    // The planner estimates this InitPlan at 1% whatever it holds: readers resolve the names first.
    const pattern = p.add(likePattern(filter.scope), "text");
    const names = `SELECT sn.scope FROM scope_names sn WHERE sn.scope ILIKE ${pattern}`;
    where.push(`EXISTS (${names}) AND c.scopes && ARRAY(${names})`);
  }
  return where;
}

/** The risk row's tag conditions (framework item, factor, privilege class): GIN-indexed arrays the risk engine keeps. */
function tagConditions(filter: TCredentialFilter, p: SqlParams): string[] {
  const out: string[] = [];
  if (filter.framework) out.push(`r.frameworks @> ARRAY[${p.add(filter.framework, "text")}]`);
  if (filter.factor) out.push(`r.factor_ids @> ARRAY[${p.add(filter.factor, "text")}]`);
  // Any of the classes (overlap).
  if (filter.privilege) out.push(`r.privileges && ${p.add(filter.privilege, "text[]")}`);
  return out;
}

/** Above this many ids the tag conditions are left to the planner (it estimates common tags well). */
export const TAG_IDS_MAX = 1_000;

/**
 * The risk-tag probe: the planner's estimate of how many risk rows the tags hold for, and — run
 * only when that is small — the ids themselves, at most idsMax + 1 (over the GIN indexes).
 * Null when the filter has no tag condition.
 */
export function buildTagProbeQueries(filter: TCredentialFilter, idsMax = TAG_IDS_MAX): { estimate: TSqlQuery; ids: TSqlQuery } | null {
  const p = new SqlParams();
  const tags = tagConditions(filter, p);
  if (tags.length === 0) return null;
  const from = `FROM credential_risks r WHERE ${tags.join(" AND ")}`;
  return {
    estimate: { text: `EXPLAIN (FORMAT JSON) SELECT 1 ${from}`, values: p.values },
    ids: { text: `SELECT coalesce(array_agg(t.id), '{}')::text[] AS ids FROM (SELECT r.credential_id::text AS id ${from} LIMIT ${Math.trunc(idsMax) + 1}) t`, values: p.values },
  };
}

/** "Plan Rows" of the top node of an EXPLAIN (FORMAT JSON) result. */
export function planRows(rows: Record<string, unknown>[]): number {
  const cell = rows[0]?.["QUERY PLAN"];
  const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  return Math.max(0, Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0));
}

/** The scope vocabulary's names a scope filter's text matches (filterConditions' `scopeNames`), as one text[] row. */
export function buildScopeNamesQuery(text: string): TSqlQuery {
  return { text: "SELECT coalesce(array_agg(sn.scope ORDER BY sn.scope), '{}')::text[] AS names FROM scope_names sn WHERE sn.scope ILIKE $1::text", values: [likePattern(text)] };
}

/**
 * Timestamps travel as ISO strings: the columns are `timestamp` (UTC wall-clock, Prisma's
 * convention), and a string cast ignores the zone designator, whatever the client's time zone.
 */
function iso(date: Date): string {
  return date.toISOString();
}

// ---------------------------------------------------------------------------------------------
// Cursors: base64url JSON [sort, dir, value, id] of a boundary row. Opaque to clients, validated
// here: a cursor from another sort order is refused rather than silently mis-paging.
// ---------------------------------------------------------------------------------------------

export type TCursor = { sort: TSortKey; dir: TSortDir; value: string | number | null; id: string };

const INT_LIMIT = { smallint: 32_767, int: 2_147_483_647 } as const;
/** What encodeCursor writes for a timestamp (toISOString of a row value): four-digit years only. */
const CURSOR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(token: string, sort: TSortKey, dir: TSortDir): TCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", "cursor is not a page cursor from this inventory");
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new AppError("VALIDATION", "cursor is not a page cursor from this inventory");
  const [cSort, cDir, value, id] = parsed as unknown[];
  if (cSort !== sort || cDir !== dir) {
    throw new AppError("VALIDATION", "cursor belongs to another sort order: start again from the first page");
  }
  if (typeof id !== "string" || !UUID.test(id)) throw new AppError("VALIDATION", "cursor is not a page cursor from this inventory");
  const spec = SORTS[sort];
  // A cursor is client input: its value must also be one PostgreSQL accepts for the column's type,
  // or a forged one (1e300, year 275760, a NUL) reaches the database and answers 500.
  const ok =
    (value === null && spec.nulls !== undefined) ||
    (spec.value === "int" && typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= INT_LIMIT[spec.cast === "smallint" ? "smallint" : "int"]) ||
    (spec.value === "score" && typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100) ||
    (spec.value === "text" && typeof value === "string" && value.length <= 1000 && !value.includes("\u0000")) ||
    (spec.value === "timestamp" && typeof value === "string" && CURSOR_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)));
  if (!ok) throw new AppError("VALIDATION", "cursor is not a page cursor from this inventory");
  return { sort, dir, value: value as string | number | null, id };
}

// ---------------------------------------------------------------------------------------------
// The list statement.
// ---------------------------------------------------------------------------------------------

/** Columns of a list row (`c` = credentials, `r` = credential_risks). Wide columns (risk factors JSON) stay on the detail page. */
const LIST_COLUMNS = [
  "c.id", "c.name", "c.kind", "c.status", "c.environment", "c.source", "c.provider_id", "c.provider_name", "c.external_id", "c.hint",
  "c.scopes", "c.identity_id", "c.owner_id", "c.owner_name", "c.team_id", "c.team_name", "c.issued_at", "c.expires_at", "c.last_used_at",
  "c.last_rotated_at", "c.created_at", "r.score AS risk_score", "r.level AS risk_level", "r.privileges", "c.exposure_count", "c.consumer_count", "cardinality(c.audiences) AS audience_count",
  "c.refresh_credential_id", "c.orphaned",
].join(", ");

/** Every list and count reads credentials with their risk row (exactly one each, by trigger). */
const FROM = "credentials c JOIN credential_risks r ON r.credential_id = c.id";

/** ISO 8601 with milliseconds and Z, as JavaScript's toISOString writes it (columns hold UTC). */
const iso8601 = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One list item as JSON (status effective at `nowParam`: past its expiry is expired), in the shape of TCredentialListItem (lib/inventory/types.ts). */
const itemJson = (nowParam: string) => `json_build_object(
  'id', n.id, 'name', n.name, 'kind', n.kind, 'status', ${effectiveStatusSql(nowParam, "n")}, 'environment', n.environment, 'source', n.source,
  'provider', json_build_object('id', n.provider_id, 'name', n.provider_name),
  'externalId', n.external_id, 'hint', n.hint, 'scopes', coalesce(n.scopes, '{}'),
  'identity', CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('id', i.id, 'name', i.name, 'kind', i.kind) END,
  'owner', CASE WHEN n.owner_id IS NULL THEN NULL ELSE json_build_object('id', n.owner_id, 'name', coalesce(n.owner_name, 'Unknown user'), 'active', coalesce(o.active, false)) END,
  'team', CASE WHEN n.team_id IS NULL THEN NULL ELSE json_build_object('id', n.team_id, 'name', coalesce(n.team_name, 'Unknown team')) END,
  'issuedAt', ${iso8601("n.issued_at")}, 'expiresAt', ${iso8601("n.expires_at")}, 'lastUsedAt', ${iso8601("n.last_used_at")},
  'lastRotatedAt', ${iso8601("n.last_rotated_at")}, 'createdAt', ${iso8601("n.created_at")},
  'riskScore', n.risk_score, 'riskLevel', n.risk_level, 'exposureCount', n.exposure_count, 'consumerCount', n.consumer_count,
  'audienceCount', n.audience_count, 'privileges', coalesce(n.privileges, '{}'), 'autoRefresh', ${autoRefreshSql(nowParam, "n")}, 'orphaned', ${orphanedSql("n")})`;

type TSegment = { nulls: boolean };

/**
 * Segments in output order for a sort direction. A nullable column is two index ranges: its values
 * and its NULLs (ordered by id alone), placed before or after the values.
 */
function segmentsFor(spec: TSortSpec, dir: TSortDir): TSegment[] {
  if (!spec.nulls) return [{ nulls: false }];
  const nullsFirst = (spec.nulls === "low") === (dir === "asc");
  return nullsFirst ? [{ nulls: true }, { nulls: false }] : [{ nulls: false }, { nulls: true }];
}

/** Whether the filter leaves any row with a value / with NULL in the sort column. */
export function segmentsPossible(f: TCredentialFilter, sort: TSortKey): { values: boolean; nulls: boolean } {
  switch (sort) {
    case "expires":
      return { values: !f.neverExpires, nulls: f.expiresWithin === undefined };
    case "lastUsed":
      return { values: !f.neverUsed, nulls: !f.lastUsedBefore && !f.lastUsedAfter };
    case "owner":
      return { values: f.owner !== "none", nulls: !f.owner || f.owner === "none" };
    case "team":
      return { values: f.team?.[0] !== "none", nulls: !f.team || f.team[0] === "none" };
    default:
      return { values: true, nulls: true };
  }
}

export type TListPlan = TSqlQuery & { direction: TSortDir; reversed: boolean };

/**
 * SQL for one page, answering the API's JSON body itself: `{ items, nextCursor, prevCursor }` as
 * one text value (PostgreSQL builds the JSON, so the app relays it without converting rows).
 * `after` pages forward from a row; `before` walks backwards and the items are put back in order.
 * Fetches limit + 1 rows: the extra one says whether more exist. The cursor of a row is
 * base64url of the JSON array [sort, dir, value, id] (decodeCursor reads it).
 */
export function buildListQuery(query: TCredentialListQuery, now: Date, viewer?: TViewer, resolved?: TResolvedFilter): TListPlan {
  const spec = SORTS[query.sort];
  const idColumn = spec.id ?? "c.id";
  const reversed = query.before !== undefined;
  const cursor = query.after ? decodeCursor(query.after, query.sort, query.dir) : query.before ? decodeCursor(query.before, query.sort, query.dir) : null;
  const direction: TSortDir = reversed ? (query.dir === "asc" ? "desc" : "asc") : query.dir;
  const op = direction === "asc" ? ">" : "<";
  const order = direction === "asc" ? "ASC" : "DESC";
  const p = new SqlParams();
  const base = filterConditions(query, now, p, { riskSort: query.sort === "risk", viewer, ...resolved });
  const take = p.add(query.limit + 1, "int");

  // A segment the filter rules out (never-expiring rows when filtering on an expiry window…) is left
  // out rather than left to the planner, which would walk a whole index to find nothing.
  const possible = segmentsPossible(query, query.sort);
  let segments = segmentsFor(spec, direction).filter((seg) => (seg.nulls ? possible.nulls : possible.values));
  if (segments.length === 0) segments = [{ nulls: false }];
  // A cursor inside a segment skips the segments before it.
  if (cursor && spec.nulls) segments = segments.slice(Math.max(0, segments.findIndex((s) => s.nulls === (cursor.value === null))));

  const parts = segments.map((segment, index) => {
    const where = [...base];
    const first = index === 0 && cursor !== null;
    if (segment.nulls) {
      where.push(`${spec.column} IS NULL`);
      if (first) where.push(`c.id ${op} ${p.add(cursor.id, "uuid")}`);
    } else {
      if (spec.nulls) where.push(`${spec.column} IS NOT NULL`);
      if (first) where.push(`(${spec.column}, ${idColumn}) ${op} (${p.add(cursorValue(spec, cursor.value), spec.cast)}, ${p.add(cursor.id, "uuid")})`);
    }
    const orderBy = segment.nulls ? `c.id ${order}` : `${spec.column} ${order}, ${idColumn} ${order}`;
    // The NULL is typed: an untyped one would make the UNION's sort column text.
    return `SELECT ${LIST_COLUMNS}, ${segment.nulls ? `NULL::${spec.cast}` : spec.column} AS sort_value, ${index} AS segment FROM ${FROM}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${orderBy} LIMIT ${take}`;
  });
  const page = parts.length === 1 ? parts[0]! : parts.map((part) => `(${part})`).join(" UNION ALL ");

  const limit = p.add(query.limit, "int");
  const sortValueJson = spec.value === "timestamp" ? iso8601("n.sort_value") : "n.sort_value";
  const cursorOf = `rtrim(translate(encode(convert_to(json_build_array(${p.add(query.sort, "text")}, ${p.add(query.dir, "text")}, ${sortValueJson}, n.id)::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
  // Displayed order is walk order, or its reverse for `before`.
  const shown = reversed ? "DESC" : "ASC";
  const firstShown = `(SELECT it.cursor FROM items it ORDER BY it.rn ${shown} LIMIT 1)`;
  const lastShown = `(SELECT it.cursor FROM items it ORDER BY it.rn ${reversed ? "ASC" : "DESC"} LIMIT 1)`;
  const more = `((SELECT coalesce(max(n.fetched), 0) FROM n) > ${limit})`;
  const nextCursor = reversed ? lastShown : `CASE WHEN ${more} THEN ${lastShown} END`;
  const prevCursor = reversed ? `CASE WHEN ${more} THEN ${firstShown} END` : query.after ? firstShown : "NULL::text";

  const text = `WITH page AS (${page}),
n AS (SELECT page.*, row_number() OVER (ORDER BY page.segment, page.sort_value ${order}, page.id ${order}) AS rn, count(*) OVER () AS fetched FROM page),
items AS (SELECT n.rn, ${cursorOf} AS cursor, ${itemJson(p.add(iso(now), "timestamp(3)"))} AS item
        FROM n LEFT JOIN identities i ON i.id = n.identity_id LEFT JOIN users o ON o.id = n.owner_id
       WHERE n.rn <= ${limit})
SELECT json_build_object('items', coalesce((SELECT json_agg(it.item ORDER BY it.rn ${shown}) FROM items it), '[]'::json), 'nextCursor', ${nextCursor}, 'prevCursor', ${prevCursor})::text AS body`;
  return { text, values: p.values, direction, reversed };
}

function cursorValue(spec: TSortSpec, value: string | number | null): unknown {
  if (spec.value === "timestamp" && typeof value === "string") return new Date(value).toISOString();
  return value;
}

// ---------------------------------------------------------------------------------------------
// Counting without scanning the table: the planner's estimate first; an exact count only when the
// estimate is small, and then bounded (LIMIT) so it can never walk the whole table.
// ---------------------------------------------------------------------------------------------

export const EXACT_COUNT_LIMIT = 10_000;

export function buildCountQueries(filter: TCredentialFilter, now: Date, viewer?: TViewer, resolved?: TResolvedFilter): { estimate: TSqlQuery; bounded: TSqlQuery } {
  const p = new SqlParams();
  const where = filterConditions(filter, now, p, { viewer, ...resolved });
  // The risk row is joined only when a condition reads it: the plain table gives the planner's best estimate.
  const from = `FROM ${usesRisk(filter) ? FROM : "credentials c"}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return {
    estimate: { text: `EXPLAIN (FORMAT JSON) SELECT 1 ${from}`, values: p.values },
    bounded: { text: `SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`, values: p.values },
  };
}

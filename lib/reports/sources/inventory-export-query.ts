import { effectiveStatusSql } from "@/lib/inventory/effective-status";
import { orphanedSql } from "@/lib/inventory/orphaned";
import { filterConditions, segmentsPossible, SORTS, SqlParams, type TResolvedFilter, type TSqlQuery, type TViewer } from "@/lib/inventory/query-builder";
import type { TCredentialListQuery } from "@/lib/inventory/query-params";

/**
 * The inventory view as flat rows for an export: the inventory's own filter conditions
 * (filterConditions) and its order — sort column then id, a nullable column as two segments, NULLs
 * placed as the list places them (lib/inventory/query-builder.ts) — but one plain row per
 * credential instead of the page statement's per-row JSON and cursor, which cost ~10× COPY at a
 * million rows. Keyset within a segment: (sort value, id) of the last row, carried as text and cast
 * back to the column's type, so no value changes on the way (timestamps, float scores).
 * report-export.int.test.ts checks the order against the list's pages for every nullable sort.
 */

export type TExportView = Omit<TCredentialListQuery, "limit" | "after" | "before">;
export type TExportCursor = { segment: number; value: string | null; id: string } | { segment: number; value?: undefined; id?: undefined };

export type TExportRow = {
  id: string; name: string; provider_name: string; kind: string; status: string; environment: string; owner_name: string | null;
  team_name: string | null; identity_name: string | null; score: number; level: string; scopes: string; privileges: string;
  expires_at: string | null; last_used_at: string | null; last_rotated_at: string | null; created_at: string;
  exposure_count: number; consumer_count: number; orphaned: boolean; sort_value: string | null;
};

const iso8601 = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The segments of a view in output order: [values] or [values, nulls] / [nulls, values]. */
export function exportSegments(view: TExportView): ("values" | "nulls")[] {
  const spec = SORTS[view.sort];
  if (!spec.nulls) return ["values"];
  const possible = segmentsPossible(view, view.sort);
  const nullsFirst = (spec.nulls === "low") === (view.dir === "asc");
  const order: ("values" | "nulls")[] = nullsFirst ? ["nulls", "values"] : ["values", "nulls"];
  const kept = order.filter((s) => (s === "nulls" ? possible.nulls : possible.values));
  return kept.length ? kept : ["values"];
}

/** `resolved`: what resolveFilter read for the view (lib/inventory/resolve-filter.ts), once per export. */
export function buildExportPageQuery(view: TExportView, now: Date, viewer: TViewer, cursor: TExportCursor, limit: number, resolved: TResolvedFilter = {}): TSqlQuery {
  const spec = SORTS[view.sort];
  const idColumn = spec.id ?? "c.id";
  const segment = exportSegments(view)[cursor.segment] ?? "values";
  const p = new SqlParams();
  const where = filterConditions(view, now, p, { riskSort: view.sort === "risk", viewer, ...resolved });
  const op = view.dir === "asc" ? ">" : "<";
  const order = view.dir === "asc" ? "ASC" : "DESC";
  if (segment === "nulls") {
    where.push(`${spec.column} IS NULL`);
    if (cursor.id) where.push(`c.id ${op} ${p.add(cursor.id, "uuid")}`);
  } else {
    if (spec.nulls) where.push(`${spec.column} IS NOT NULL`);
    if (cursor.id) where.push(`(${spec.column}, ${idColumn}) ${op} (${p.add(cursor.value, spec.cast)}, ${p.add(cursor.id, "uuid")})`);
  }
  const nowParam = p.add(now.toISOString(), "timestamp(3)");
  const orderBy = segment === "nulls" ? `c.id ${order}` : `${spec.column} ${order}, ${idColumn} ${order}`;
  const text = `SELECT c.id, c.name, c.provider_name, c.kind, ${effectiveStatusSql(nowParam)} AS status, c.environment,
       CASE WHEN c.owner_id IS NULL THEN NULL ELSE coalesce(c.owner_name, 'Unknown user') END AS owner_name,
       CASE WHEN c.team_id IS NULL THEN NULL ELSE coalesce(c.team_name, 'Unknown team') END AS team_name,
       (SELECT i.name FROM identities i WHERE i.id = c.identity_id) AS identity_name,
       r.score, r.level, array_to_string(coalesce(c.scopes, '{}'), ' ') AS scopes, array_to_string(coalesce(r.privileges, '{}'), ' ') AS privileges,
       ${iso8601("c.expires_at")} AS expires_at, ${iso8601("c.last_used_at")} AS last_used_at, ${iso8601("c.last_rotated_at")} AS last_rotated_at,
       ${iso8601("c.created_at")} AS created_at, c.exposure_count, c.consumer_count, ${orphanedSql("c")} AS orphaned,
       ${segment === "nulls" ? "NULL::text" : `${spec.column}::text`} AS sort_value
  FROM credentials c JOIN credential_risks r ON r.credential_id = c.id${where.length ? ` WHERE ${where.join(" AND ")}` : ""}
 ORDER BY ${orderBy} LIMIT ${p.add(limit, "int")}`;
  return { text, values: p.values };
}

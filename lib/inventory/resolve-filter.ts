import type { TSqlReader } from "@/lib/db/sql-reader";
import { buildScopeNamesQuery, buildTagProbeQueries, planRows, TAG_IDS_MAX, type TResolvedFilter } from "@/lib/inventory/query-builder";
import type { TCredentialFilter } from "@/lib/inventory/query-params";

/** Above this estimate the tag probe is not run: common tags are in the statistics and plan well. */
const TAG_PROBE_ESTIMATE_MAX = 20_000;

/**
 * Reads, before a list or count statement, what its planner cannot see from statistics alone:
 *
 * - the scope names a scope text matches (bound, the overlap is estimated from the column's
 *   statistics; in-statement it was an InitPlan estimated at 1% whatever it held);
 * - for risk tags (factor, privilege class, framework item) the planner estimates small — a tag
 *   absent from the statistics is guessed at 0.5% of rows — the ids they hold for, when at most
 *   `idsMax` (TAG_IDS_MAX): `privilege=unknown` by name, held by nobody, walked the whole name index at 1M
 *   credentials until the statement timeout; with the ids (none) it is a constant false.
 *
 * Each is one small indexed statement; the list statement stays exact (see filterConditions).
 */
export async function resolveFilter(read: TSqlReader, filter: TCredentialFilter, idsMax = TAG_IDS_MAX): Promise<TResolvedFilter> {
  const resolved: { scopeNames?: string[]; tagIds?: string[] } = {};
  if (filter.scope) {
    const names = buildScopeNamesQuery(filter.scope);
    const [row] = await read<{ names: string[] }>(names.text, names.values);
    resolved.scopeNames = row?.names ?? [];
  }
  const probe = buildTagProbeQueries(filter, idsMax);
  if (probe && planRows(await read<Record<string, unknown>>(probe.estimate.text, probe.estimate.values)) <= TAG_PROBE_ESTIMATE_MAX) {
    const [row] = await read<{ ids: string[] }>(probe.ids.text, probe.ids.values);
    const ids = row?.ids ?? [];
    if (ids.length <= idsMax) resolved.tagIds = ids;
  }
  return resolved;
}

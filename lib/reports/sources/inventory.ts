import "server-only";
import type { TSqlReader } from "@/lib/db/sql-reader";
import type { TViewer } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { buildExportPageQuery, exportSegments, type TExportCursor, type TExportRow, type TExportView } from "@/lib/reports/sources/inventory-export-query";
import { RISK_LEVELS } from "@/lib/inventory/vocabulary";
import type { TCell } from "@/lib/reports/csv";
import { tally, type TReportSource } from "@/lib/reports/types";

/** Rows per keyset page (lib/reports/sources/inventory-export-query.ts: the view's filters and order, flat rows). */
export const INVENTORY_EXPORT_PAGE = 1_000;

const COLUMNS = [
  { key: "id", title: "Credential id" },
  { key: "name", title: "Name", pdf: 3 },
  { key: "provider", title: "Provider", pdf: 2 },
  { key: "kind", title: "Kind", pdf: 1.4 },
  { key: "status", title: "Status", pdf: 1.2 },
  { key: "environment", title: "Environment" },
  { key: "owner", title: "Owner", pdf: 2 },
  { key: "team", title: "Team", pdf: 1.6 },
  { key: "identity", title: "Identity" },
  { key: "riskScore", title: "Risk score", pdf: 1 },
  { key: "riskLevel", title: "Risk level", pdf: 1 },
  { key: "scopes", title: "Scopes" },
  { key: "privileges", title: "Privileges" },
  { key: "expiresAt", title: "Expires at", pdf: 1.6 },
  { key: "lastUsedAt", title: "Last used at" },
  { key: "lastRotatedAt", title: "Last rotated at" },
  { key: "createdAt", title: "Created at" },
  { key: "exposures", title: "Exposures" },
  { key: "consumers", title: "Consumers" },
  { key: "orphaned", title: "Orphaned" },
];

export function inventorySource(read: TSqlReader, query: TExportView, viewer: TViewer, now: Date, pageSize = INVENTORY_EXPORT_PAGE): TReportSource {
  return {
    title: "Inventory review",
    columns: COLUMNS,
    pages: async function* () {
      const segments = exportSegments(query).length;
      // Scope names and a rare tag's holders, read once: each page's planner then sees them (a tag
      // held by nobody walked the whole sort index per page, past the statement timeout at 1M rows).
      const resolved = await resolveFilter(read, query);
      let cursor: TExportCursor = { segment: 0 };
      while (cursor.segment < segments) {
        const plan = buildExportPageQuery(query, now, viewer, cursor, pageSize, resolved);
        let rows: TExportRow[] | null = await read<TExportRow>(plan.text, plan.values);
        const last = rows.at(-1);
        cursor = rows.length < pageSize || !last ? { segment: cursor.segment + 1 } : { segment: cursor.segment, value: last.sort_value, id: last.id };
        const page: TCell[][] = rows.map((c) => [
          c.id, c.name, c.provider_name, c.kind, c.status, c.environment, c.owner_name, c.team_name, c.identity_name,
          Number(c.score), c.level, c.scopes, c.privileges, c.expires_at, c.last_used_at, c.last_rotated_at, c.created_at,
          Number(c.exposure_count), Number(c.consumer_count), c.orphaned,
        ]);
        // The driver's row objects are garbage before the page is written, not held across the yield
        // (an object alive across two young-generation collections is promoted: bench:export's RSS).
        rows = null;
        if (page.length) yield page;
      }
    },
    summary: () => {
      const levels = tally([...RISK_LEVELS].reverse());
      let total = 0;
      let highOrCritical = 0;
      let orphaned = 0;
      let neverExpires = 0;
      return {
        observe: (row) => {
          total++;
          const level = String(row[10]);
          levels.add(level);
          if (level === "high" || level === "critical") highOrCritical++;
          if (row[19] === true) orphaned++;
          if (row[13] === null) neverExpires++;
        },
        result: () => ({
          totals: [
            { label: "Credentials", value: total },
            { label: "High or critical risk", value: highOrCritical },
            { label: "Orphaned", value: orphaned },
            { label: "Never expire", value: neverExpires },
          ],
          chart: { title: "Credentials by risk level", bars: levels.bars() },
        }),
      };
    },
  };
}

import "server-only";
import type { TSqlReader } from "@/lib/db/sql-reader";
import { buildListQuery, type TViewer } from "@/lib/inventory/query-builder";
import type { TCredentialListQuery } from "@/lib/inventory/query-params";
import type { TCredentialPage } from "@/lib/inventory/types";
import { RISK_LEVELS } from "@/lib/inventory/vocabulary";
import { tally, type TReportSource } from "@/lib/reports/types";

/** Rows per keyset page: the inventory's own statement (the same filters, sort and index walk as the page), with a larger page. */
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

export function inventorySource(read: TSqlReader, query: Omit<TCredentialListQuery, "limit" | "after" | "before">, viewer: TViewer, now: Date): TReportSource {
  return {
    title: "Inventory review",
    columns: COLUMNS,
    pages: async function* () {
      let after: string | undefined;
      do {
        const plan = buildListQuery({ ...query, limit: INVENTORY_EXPORT_PAGE, after }, now, viewer);
        const [row] = await read<{ body: string }>(plan.text, plan.values);
        const page = JSON.parse(row?.body ?? '{"items":[],"nextCursor":null}') as TCredentialPage;
        if (page.items.length) {
          yield page.items.map((c) => [
            c.id, c.name, c.provider.name, c.kind, c.status, c.environment, c.owner?.name ?? null, c.team?.name ?? null, c.identity?.name ?? null,
            c.riskScore, c.riskLevel, c.scopes.join(" "), c.privileges.join(" "), c.expiresAt, c.lastUsedAt, c.lastRotatedAt, c.createdAt,
            c.exposureCount, c.consumerCount, c.orphaned,
          ]);
        }
        after = page.nextCursor ?? undefined;
      } while (after);
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

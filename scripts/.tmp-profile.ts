import { openDatabase } from "@/lib/db/open-database";
import { buildListQuery } from "@/lib/inventory/query-builder";
import { csvRows } from "@/lib/reports/csv";
import type { TCredentialPage } from "@/lib/inventory/types";
const db = await openDatabase({ DATABASE_URL: process.argv[2], TOKENWARD_DATA_DIR: "x", serialPlans: true });
const viewer = { id: "00000000-0000-0000-0000-000000000000", teamIds: [] };
let after: string | undefined;
let q = 0, p = 0, c = 0, n = 0;
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const plan = buildListQuery({ sort: "risk", dir: "desc", limit: 1000, after }, new Date(), viewer);
  const [row] = await db.read<{ body: string }>(plan.text, plan.values);
  const t1 = performance.now();
  const page = JSON.parse(row!.body) as TCredentialPage;
  const rows = page.items.map((x) => [x.id, x.name, x.provider.name, x.kind, x.status, x.environment, x.owner?.name ?? null, x.team?.name ?? null, x.identity?.name ?? null, x.riskScore, x.riskLevel, x.scopes.join(" "), x.privileges.join(" "), x.expiresAt, x.lastUsedAt, x.lastRotatedAt, x.createdAt, x.exposureCount, x.consumerCount, x.orphaned]);
  const t2 = performance.now();
  csvRows(rows);
  const t3 = performance.now();
  q += t1 - t0; p += t2 - t1; c += t3 - t2; n += rows.length;
  after = page.nextCursor ?? undefined;
}
console.log({ rows: n, queryMs: q.toFixed(0), parseMs: p.toFixed(0), csvMs: c.toFixed(0) });
await db.close();

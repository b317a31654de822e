import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { FRAMEWORKS } from "@/lib/risk/frameworks/catalogue";
import type { TReportSource } from "@/lib/reports/types";

/**
 * One row per framework item, counted now (not the /frameworks page's 30-second cache: a report
 * states what was true when it was generated). The same statement as getFrameworkCounts.
 */
export function frameworksSource(prisma: Pick<PrismaClient, "$queryRawUnsafe">, frameworkId: string | undefined): TReportSource {
  const frameworks = FRAMEWORKS.filter((f) => !frameworkId || f.id === frameworkId);
  return {
    title: "Risk by framework item",
    columns: [
      { key: "framework", title: "Framework", pdf: 1.4 },
      { key: "itemId", title: "Item id" },
      { key: "code", title: "Code", pdf: 1.2 },
      { key: "item", title: "Item", pdf: 4 },
      { key: "credentials", title: "Credentials", pdf: 1 },
      { key: "high", title: "High", pdf: 0.8 },
      { key: "critical", title: "Critical", pdf: 0.8 },
      { key: "factors", title: "Risk factors mapped" },
    ],
    pages: async function* () {
      const counts = await prisma.$queryRawUnsafe<{ item: string; total: number; high: number; critical: number }[]>(
        `SELECT f.item, count(*)::int AS total,
                count(*) FILTER (WHERE r.level = 'high')::int AS high,
                count(*) FILTER (WHERE r.level = 'critical')::int AS critical
           FROM credential_risks r CROSS JOIN LATERAL unnest(r.frameworks) AS f(item)
          GROUP BY f.item`,
      );
      const byItem = new Map(counts.map((c) => [c.item, c]));
      for (const framework of frameworks) {
        yield framework.items.map((item) => {
          const c = byItem.get(item.id);
          const factors = FACTOR_LIST.filter((f) => (f.frameworks as readonly string[]).includes(item.id)).map((f) => f.title);
          return [framework.shortName, item.id, item.code, item.name, c?.total ?? 0, c?.high ?? 0, c?.critical ?? 0, factors.join("; ")];
        });
      }
    },
    summary: () => {
      const perFramework = new Map<string, number>(frameworks.map((f) => [f.shortName, 0]));
      let items = 0;
      let itemsWithHigh = 0;
      return {
        observe: (row) => {
          items++;
          const severe = Number(row[5]) + Number(row[6]);
          if (severe > 0) itemsWithHigh++;
          perFramework.set(String(row[0]), (perFramework.get(String(row[0])) ?? 0) + severe);
        },
        result: () => ({
          totals: [
            { label: "Framework items", value: items },
            { label: "Items with high or critical credentials", value: itemsWithHigh },
          ],
          chart: { title: "High and critical credential mappings per framework", bars: [...perFramework].map(([label, value]) => ({ label, value })) },
        }),
      };
    },
  };
}

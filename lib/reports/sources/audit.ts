import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { tally, type TReportSource } from "@/lib/reports/types";

const PAGE = 1_000;

export type TAuditReportFilter = { from?: Date; to?: Date; action?: string };

/** Events in chain order (seq), keyset on seq; the time range narrows through the time index. */
export function auditSource(prisma: Pick<PrismaClient, "auditEvent">, filter: TAuditReportFilter): TReportSource {
  const where: Prisma.AuditEventWhereInput = { time: { gte: filter.from, lt: filter.to }, ...(filter.action ? { action: filter.action } : {}) };
  return {
    title: "Audit log extract",
    columns: [
      { key: "seq", title: "Seq", pdf: 0.7 },
      { key: "time", title: "Time", pdf: 1.8 },
      { key: "actor", title: "Actor", pdf: 2.4 },
      { key: "action", title: "Action", pdf: 2 },
      { key: "targetType", title: "Target type", pdf: 1.2 },
      { key: "targetId", title: "Target id" },
      { key: "summary", title: "Summary (JSON)" },
      { key: "hash", title: "Hash" },
    ],
    pages: async function* () {
      let after = 0n;
      for (;;) {
        const rows = await prisma.auditEvent.findMany({ where: { AND: [where, { seq: { gt: after } }] }, orderBy: { seq: "asc" }, take: PAGE });
        if (rows.length) {
          yield rows.map((e) => [e.seq.toString(), e.time.toISOString(), e.actorLabel, e.action, e.targetType, e.targetId, JSON.stringify(e.summary), e.hash]);
        }
        if (rows.length < PAGE) return;
        after = rows.at(-1)!.seq;
      }
    },
    summary: () => {
      const actions = tally();
      let total = 0;
      let denied = 0;
      return {
        observe: (row) => {
          total++;
          actions.add(String(row[3]));
          if (row[3] === "access.denied") denied++;
        },
        result: () => ({
          totals: [
            { label: "Events", value: total },
            { label: "Access denied", value: denied },
          ],
          chart: { title: "Most frequent actions", bars: actions.bars(10) },
        }),
      };
    },
  };
}

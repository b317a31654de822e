import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowKind, TWorkflowState } from "@/lib/workflows/state-machine";
import { tally, type TReportSource } from "@/lib/reports/types";

const PAGE = 1_000;

export type TWorkflowReportFilter = { from?: Date; to?: Date; kind?: TWorkflowKind; state?: TWorkflowState[]; breakGlass?: true };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Requests newest first, keyset on (created_at, id) — the index workflows_created_at_id_idx. */
export function workflowsSource(prisma: Pick<PrismaClient, "workflow">, filter: TWorkflowReportFilter): TReportSource {
  const where: Prisma.WorkflowWhereInput = {
    createdAt: { gte: filter.from, lt: filter.to },
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.state ? { state: { in: filter.state } } : {}),
    ...(filter.breakGlass ? { breakGlass: true } : {}),
  };
  return {
    title: "Workflow history",
    columns: [
      { key: "id", title: "Workflow id" },
      { key: "createdAt", title: "Requested at", pdf: 1.7 },
      { key: "kind", title: "Kind", pdf: 1.1 },
      { key: "state", title: "State", pdf: 1.4 },
      { key: "breakGlass", title: "Break-glass", pdf: 0.9 },
      { key: "credential", title: "Credential", pdf: 2.2 },
      { key: "credentialId", title: "Credential id" },
      { key: "requestedBy", title: "Requested by", pdf: 2 },
      { key: "reason", title: "Reason", pdf: 2 },
      { key: "decidedBy", title: "Decided by" },
      { key: "decidedAt", title: "Decided at" },
      { key: "decisionComment", title: "Decision comment" },
      { key: "completedAt", title: "Completed at" },
      { key: "batchId", title: "Batch id" },
      { key: "lastError", title: "Last error" },
    ],
    pages: async function* () {
      let cursor: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const rows: Prisma.WorkflowGetPayload<{ include: { credential: { select: { name: true } } } }>[] = await prisma.workflow.findMany({
          where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: PAGE,
          include: { credential: { select: { name: true } } },
        });
        if (rows.length) {
          yield rows.map((w) => [
            w.id, iso(w.createdAt), w.kind, w.state, w.breakGlass, w.credential.name, w.credentialId, w.requestedByLabel, w.reason,
            w.decidedByLabel, iso(w.decidedAt), w.decisionComment, iso(w.completedAt), w.batchId,
            w.lastError && typeof w.lastError === "object" && "message" in w.lastError ? String(w.lastError.message) : null,
          ]);
        }
        if (rows.length < PAGE) return;
        const last = rows.at(-1)!;
        cursor = { createdAt: last.createdAt, id: last.id };
      }
    },
    summary: () => {
      const states = tally();
      let total = 0;
      let breakGlass = 0;
      let rejected = 0;
      let completed = 0;
      return {
        observe: (row) => {
          total++;
          states.add(String(row[3]));
          if (row[4] === true) breakGlass++;
          if (row[3] === "rejected") rejected++;
          if (row[3] === "completed") completed++;
        },
        result: () => ({
          totals: [
            { label: "Requests", value: total },
            { label: "Break-glass", value: breakGlass },
            { label: "Rejected", value: rejected },
            { label: "Completed", value: completed },
          ],
          chart: { title: "Requests by state", bars: states.bars(12) },
        }),
      };
    },
  };
}

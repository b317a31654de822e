import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { TERMINAL_STATES, type TWorkflowState } from "@/lib/workflows/state-machine";

/** A batch's progress, counted from its workflows' states: what the batch page polls. */
export type TBatchProgress = { total: number; done: number; completed: number; failed: number; rolledBack: number; running: number; byState: Partial<Record<TWorkflowState, number>> };

export async function batchProgress(prisma: PrismaClient, batchId: string): Promise<TBatchProgress> {
  const rows = await prisma.workflow.groupBy({ by: ["state"], where: { batchId }, _count: { _all: true } });
  const byState = Object.fromEntries(rows.map((r) => [r.state, r._count._all])) as Partial<Record<TWorkflowState, number>>;
  const total = rows.reduce((n, r) => n + r._count._all, 0);
  const terminal = rows.filter((r) => (TERMINAL_STATES as readonly string[]).includes(r.state)).reduce((n, r) => n + r._count._all, 0);
  const failed = byState.failed ?? 0;
  return { total, done: terminal + failed, completed: byState.completed ?? 0, failed, rolledBack: byState.rolled_back ?? 0, running: total - terminal - failed, byState };
}

export type TBatchItem = { id: string; state: TWorkflowState; credential: { id: string; name: string }; provider: string; error: string | null; updatedAt: string };
export type TBatchDetail = {
  id: string; reason: string; requestedBy: string; filter: string | null; selected: number; eligible: number; skipped: Record<string, number>; createdAt: string;
  progress: TBatchProgress; items: TBatchItem[]; nextCursor: string | null;
};

export const BATCH_PAGE = 100;

/** The batch with one page of its items; `failedOnly` shows what needs attention first. */
export async function getBatch(prisma: PrismaClient, id: string, options: { failedOnly?: boolean; cursor?: string } = {}): Promise<TBatchDetail | null> {
  const batch = await prisma.workflowBatch.findUnique({ where: { id } });
  if (!batch) return null;
  const rows = await prisma.workflow.findMany({
    where: { batchId: id, ...(options.failedOnly ? { state: "failed" } : {}), ...(options.cursor ? { id: { gt: options.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: BATCH_PAGE + 1,
    select: { id: true, state: true, lastError: true, updatedAt: true, credential: { select: { id: true, name: true, provider: { select: { name: true } } } } },
  });
  const page = rows.slice(0, BATCH_PAGE);
  return {
    id: batch.id, reason: batch.reason, requestedBy: batch.requestedByLabel, filter: batch.filter, selected: batch.selected, eligible: batch.eligible,
    skipped: batch.skipped as Record<string, number>, createdAt: batch.createdAt.toISOString(),
    progress: await batchProgress(prisma, id),
    items: page.map((w) => ({ id: w.id, state: w.state, credential: { id: w.credential.id, name: w.credential.name }, provider: w.credential.provider.name, error: (w.lastError as { message?: string } | null)?.message ?? null, updatedAt: w.updatedAt.toISOString() })),
    nextCursor: rows.length > BATCH_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}

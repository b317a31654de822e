import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RECOMPUTE_ALL_JOB_ID, ZRecomputeAllPayload } from "@/lib/risk/jobs";

/** The full-recompute job as the progress panel shows it (polled by the browser). */

export type TRecomputeStatus = {
  state: "never" | "queued" | "running" | "succeeded" | "failed" | "cancelled";
  done: number;
  total: number | null;
  note: string | null;
  attempts: number;
  maxAttempts: number;
  reason: string | null;
  requestedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  result: { policyVersion: number; scanned: number; written: number; durationMs: number } | null;
};

export async function readRecomputeStatus(prisma: PrismaClient): Promise<TRecomputeStatus> {
  const job = await prisma.job.findUnique({ where: { id: RECOMPUTE_ALL_JOB_ID } });
  if (!job) {
    return { state: "never", done: 0, total: null, note: null, attempts: 0, maxAttempts: 0, reason: null, requestedBy: null, startedAt: null, finishedAt: null, lastError: null, result: null };
  }
  const payload = ZRecomputeAllPayload.safeParse(job.payload);
  const result = job.result as TRecomputeStatus["result"] | null;
  return {
    state: job.status,
    done: job.progressDone,
    total: job.progressTotal,
    note: job.progressNote,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    reason: payload.success ? payload.data.reason : null,
    requestedBy: payload.success ? (payload.data.requestedBy ?? null) : null,
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    lastError: job.lastError,
    result: result && typeof result === "object" && "scanned" in result ? result : null,
  };
}

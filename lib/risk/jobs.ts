import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { recomputeAll } from "@/lib/risk/services/recompute-all";

/**
 * Background jobs of the risk domain. The full recompute is one logical job (stable id): enqueued
 * again while it is queued or running, nothing happens; a daily slot reruns it so that time-based
 * factors (stale, rotation overdue) move without any data change.
 */

export const RECOMPUTE_ALL_JOB_ID = "risk.recompute-all";
export const RECOMPUTE_ALL_JOB_TYPE = "risk.recompute-all";

export const ZRecomputeAllPayload = z.object({
  reason: z.enum(["manual", "policy-change", "schedule"]),
  /** Who asked (audit actor label), for the progress panel. */
  requestedBy: z.string().max(200).optional(),
  policyVersion: z.number().int().min(0).optional(),
});

export const recomputeAllJob = defineJob({
  type: RECOMPUTE_ALL_JOB_TYPE,
  payload: ZRecomputeAllPayload,
  stableId: () => RECOMPUTE_ALL_JOB_ID,
  cron: { schedule: "10 0 * * *", payload: { reason: "schedule" } },
  maxAttempts: 3,
  handler: async (_payload, { prisma, progress }) => recomputeAll(prisma, { onProgress: progress }),
});

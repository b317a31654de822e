import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { expireDueCredentials } from "@/lib/risk/services/expire-credentials";
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

export const EXPIRE_DUE_JOB_TYPE = "risk.expire-due";

/**
 * Every minute: active credentials whose expiry passed become expired and are rescored (reads
 * already show them expired, lib/inventory/effective-status.ts; this makes it stored and scored).
 * One logical job (stable id) so a slow run is not stacked with the next minute's.
 */
export const expireDueJob = defineJob({
  type: EXPIRE_DUE_JOB_TYPE,
  payload: z.object({ reason: z.enum(["schedule", "manual"]) }),
  stableId: () => EXPIRE_DUE_JOB_TYPE,
  cron: { schedule: "* * * * *", payload: { reason: "schedule" } },
  maxAttempts: 3,
  handler: async (_payload, { prisma }) => expireDueCredentials(prisma),
});

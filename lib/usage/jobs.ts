import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { USAGE_APPLY_JOB } from "@/lib/usage/job-types";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";

/**
 * Applies ingested hops: enqueued by every ingestion batch (one logical job, re-queued when
 * finished), and every minute as a backstop for a batch that landed while a run was finishing.
 */
export const usageApplyJob = defineJob({
  type: USAGE_APPLY_JOB,
  payload: z.object({}),
  stableId: () => USAGE_APPLY_JOB,
  cron: { schedule: "* * * * *", payload: {} },
  maxAttempts: 3,
  handler: (_payload, { prisma, progress }) => applyPendingUsage(prisma, { onChunk: (done) => progress(done, null, "credentials applied") }),
});

import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { env } from "@/lib/env";
import { USAGE_APPLY_JOB, USAGE_PARTITIONS_JOB } from "@/lib/usage/job-types";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";
import { maintainUsagePartitions } from "@/lib/usage/services/maintain-usage-partitions";

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

/**
 * Daily: usage_events' partitions for the retention window and the next three months exist, and
 * those older than TOKENWARD_USAGE_RETENTION_MONTHS are dropped (audited). Daily rather than monthly
 * so a missed run is made up the next day; a month with no partition yet still takes hops (default
 * partition).
 */
export const usagePartitionsJob = defineJob({
  type: USAGE_PARTITIONS_JOB,
  payload: z.object({}),
  stableId: () => USAGE_PARTITIONS_JOB,
  cron: { schedule: "41 2 * * *", payload: {} },
  maxAttempts: 3,
  handler: (_payload, { prisma }) => maintainUsagePartitions(prisma, { retentionMonths: env().TOKENWARD_USAGE_RETENTION_MONTHS }),
});

import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { REVIEWS_TICK_JOB } from "@/lib/reviews/job-types";
import { markOverdue } from "@/lib/reviews/services/mark-overdue";

/** Every hour at :41 (clear of the rotation policy job at :17): overdue campaigns and due-date reminders. */
export const reviewsTickJob = defineJob({
  type: REVIEWS_TICK_JOB,
  payload: z.object({}),
  stableId: () => REVIEWS_TICK_JOB,
  cron: { schedule: "41 * * * *", payload: {} },
  maxAttempts: 2,
  handler: (_payload, { prisma }) => markOverdue(prisma),
});

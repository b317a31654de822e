import { z } from "zod";
import { ALERTS_DELIVER_JOB } from "@/lib/alerts/job-types";
import { deliverDueAlerts } from "@/lib/alerts/services/deliver-due-alerts";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Sends the alert outbox: enqueued by the usage.apply transaction that wrote new deliveries (and by
 * a re-send), and every minute for the retries whose back-off has run out.
 */
export const alertsDeliverJob = defineJob({
  type: ALERTS_DELIVER_JOB,
  payload: z.object({}),
  stableId: () => ALERTS_DELIVER_JOB,
  cron: { schedule: "* * * * *", payload: {} },
  maxAttempts: 3,
  handler: (_payload, { prisma }) => deliverDueAlerts(prisma),
});

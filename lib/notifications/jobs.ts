import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { sendEmailNotices } from "@/lib/notifications/services/send-email-notices";

/** Every minute: mail the notices that ask someone to act (when an SMTP relay is configured). */
export const emailNoticesJob = defineJob({
  type: "notifications.email",
  payload: z.object({}),
  stableId: () => "notifications.email",
  cron: { schedule: "* * * * *", payload: {} },
  maxAttempts: 1,
  handler: (_payload, { prisma }) => sendEmailNotices(prisma),
});

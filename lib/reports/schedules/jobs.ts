import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { runScheduledReport } from "@/lib/reports/schedules/services/run-scheduled-report";

/**
 * Scheduled reports: each unpaused schedule is a data-kept cron (lib/jobs/worker.ts) under its own
 * stable id, so "Run now" during a run does nothing and a slow run never stacks. One attempt: a
 * failed run is recorded in the schedule's history; the next slot or "Run now" tries again.
 */

export const REPORT_SCHEDULE_JOB = "reports.scheduled";

export const reportScheduleJobId = (scheduleId: string) => `${REPORT_SCHEDULE_JOB}:${scheduleId}`;

export const reportScheduleJob = defineJob({
  type: REPORT_SCHEDULE_JOB,
  payload: z.object({ scheduleId: z.uuid(), trigger: z.enum(["schedule", "manual"]) }),
  stableId: (payload) => reportScheduleJobId(payload.scheduleId),
  maxAttempts: 1,
  schedules: async (prisma) => {
    const schedules = await prisma.reportSchedule.findMany({ where: { paused: false }, select: { id: true, cron: true } });
    return schedules.map((s) => ({ id: reportScheduleJobId(s.id), schedule: s.cron, payload: { scheduleId: s.id, trigger: "schedule" as const } }));
  },
  handler: (payload, { prisma }) => runScheduledReport(prisma, payload),
});

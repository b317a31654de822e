import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TOperation } from "@/lib/server/execute";
import { REPORT_SCHEDULE_JOB, reportScheduleJobId } from "@/lib/reports/schedules/jobs";
import { ZCreateReportSchedule, ZPauseReportSchedule, ZReportScheduleRef } from "@/lib/reports/schedules/schemas";
import { createReportSchedule, lockManagedSchedule } from "@/lib/reports/schedules/services/save-report-schedule";

/** Scheduled reports: create, pause/resume, delete, run now. Auditors act on their own only (access.ts). */

const TARGET = "report_schedule";

export const createReportScheduleOperation: TOperation<typeof ZCreateReportSchedule, { id: string }> = {
  name: "report_schedules.create",
  permission: "reports.schedule",
  input: ZCreateReportSchedule,
  run: async ({ tx, actor, input }) => {
    const { id } = await createReportSchedule(tx, actor, input);
    return {
      data: { id },
      audit: { targetType: TARGET, targetId: id, summary: { name: input.name, report: input.report, format: input.format, filters: input.filters, rangeDays: input.rangeDays, cron: input.cron, recipientIds: input.recipientIds } },
    };
  },
};

export const pauseReportScheduleOperation: TOperation<typeof ZPauseReportSchedule, { paused: boolean }> = {
  name: "report_schedules.pause",
  permission: "reports.schedule",
  input: ZPauseReportSchedule,
  run: async ({ tx, actor, input }) => {
    await lockManagedSchedule(tx, actor, input.scheduleId);
    await tx.reportSchedule.update({ where: { id: input.scheduleId }, data: { paused: input.paused } });
    return { data: { paused: input.paused }, audit: { targetType: TARGET, targetId: input.scheduleId, summary: { paused: input.paused } } };
  },
};

export const deleteReportScheduleOperation: TOperation<typeof ZReportScheduleRef, { deleted: true }> = {
  name: "report_schedules.delete",
  permission: "reports.schedule",
  input: ZReportScheduleRef,
  run: async ({ tx, actor, input }) => {
    const schedule = await lockManagedSchedule(tx, actor, input.scheduleId);
    // Runs and stored files go with it; their exports and manifests stay in the audit chain.
    await tx.reportSchedule.delete({ where: { id: input.scheduleId } });
    return { data: { deleted: true }, audit: { targetType: TARGET, targetId: input.scheduleId, summary: { name: schedule.name, report: schedule.report, cron: schedule.cron } } };
  },
};

export const runReportScheduleOperation: TOperation<typeof ZReportScheduleRef, { jobId: string; enqueued: boolean }> = {
  name: "report_schedules.run",
  permission: "reports.schedule",
  input: ZReportScheduleRef,
  run: async ({ tx, actor, input }) => {
    await lockManagedSchedule(tx, actor, input.scheduleId);
    const job = await enqueueJob(tx, { type: REPORT_SCHEDULE_JOB, id: reportScheduleJobId(input.scheduleId), payload: { scheduleId: input.scheduleId, trigger: "manual" }, requeue: "if-finished" });
    return { data: { jobId: job.id, enqueued: job.enqueued }, audit: { targetType: TARGET, targetId: input.scheduleId, summary: { jobId: job.id, enqueued: job.enqueued } } };
  },
};

/** URLs of the schedules' pages and downloads (client-safe: pages, mails, e2e). */

export const reportSchedulesHref = "/reports/schedules";

export function reportScheduleHref(scheduleId: string): string {
  return `/reports/schedules/${scheduleId}`;
}

export function reportRunDownloadHref(runId: string): string {
  return `/api/v1/reports/runs/download?runId=${encodeURIComponent(runId)}`;
}

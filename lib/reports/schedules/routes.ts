import "server-only";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { FORMAT_LABELS, reportManifestHref, type TReportFormat } from "@/lib/reports/catalogue";
import { canReadSchedule } from "@/lib/reports/schedules/access";
import { findRunForDownload } from "@/lib/reports/schedules/queries";
import { ZReportRunQuery } from "@/lib/reports/schedules/schemas";
import { readRunFile } from "@/lib/reports/schedules/services/stored-run-file";
import { defineRoute } from "@/lib/server/route";

/**
 * GET /api/v1/reports/runs/download?runId= — a scheduled run's stored file, exactly the bytes its
 * signed manifest (GET /api/v1/reports/manifest?exportId=<runId>) describes. For those who export
 * reports and may see the schedule (auditors: their own and those they receive); every download is
 * audited (`report.run_download`), after the access check.
 */
export const downloadReportRunRoute = defineRoute({
  kind: "read",
  name: "reports.run_download",
  permission: "reports.export",
  query: ZReportRunQuery,
  run: async ({ prisma, actor, query }) => {
    const run = await findRunForDownload(prisma, query.runId);
    if (!run || !canReadSchedule(actor, run.schedule)) throw new AppError("NOT_FOUND", "No such report run.");
    if (run.status !== "succeeded" || !run.fileName) throw new AppError("NOT_FOUND", "This run has no file (it failed or is still running).");
    if (run.purgedAt) throw new AppError("NOT_FOUND", "This run's file was removed by retention (the newest files of each schedule are kept); its manifest remains.");
    await prisma.$transaction((tx) =>
      appendAuditEvent(tx, actor, { action: "report.run_download", targetType: "report_export", targetId: run.id, summary: { scheduleId: run.schedule.id, fileName: run.fileName } }),
    );
    return new Response(readRunFile(prisma, run.id), {
      headers: {
        "content-type": FORMAT_LABELS[run.schedule.format as TReportFormat]?.mime ?? "application/octet-stream",
        "content-disposition": `attachment; filename="${run.fileName}"`,
        ...(run.byteLength !== null ? { "content-length": String(run.byteLength) } : {}),
        "cache-control": "no-store",
        "x-report-export-id": run.id,
        link: `<${reportManifestHref(run.id)}>; rel="describedby"`,
      },
    });
  },
});

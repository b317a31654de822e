import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { countExportsWithId, findReportManifest } from "@/lib/reports/queries";
import { reportManifestHref } from "@/lib/reports/catalogue";
import { ZReportExportQuery, ZReportManifestQuery } from "@/lib/reports/schemas";
import { startReportExport } from "@/lib/reports/services/stream-report-export";
import { defineRoute } from "@/lib/server/route";

/**
 * GET /api/v1/reports/export — a report in CSV, JSON or PDF, streamed. A privileged read: the
 * wrapper writes `report.export` (what was asked) before the first byte; the signed manifest follows
 * the last one (`report.export_completed`). Not in next.config.js JSON_ROUTES: it answers CSV and PDF.
 */
export const exportReportRoute = defineRoute({
  kind: "read",
  name: "reports.export",
  permission: "reports.export",
  query: ZReportExportQuery,
  audit: ({ query }) => ({ action: "report.export", targetType: "report_export", targetId: query.exportId, summary: { report: query.report, format: query.format, filters: query.asked } }),
  run: async ({ prisma, read, actor, query }) => {
    if ((await countExportsWithId(prisma, query.exportId)) > 1) {
      throw new AppError("CONFLICT", "This exportId was already used: each export needs a new one (or leave it out).");
    }
    const out = await startReportExport({ prisma, read, actor }, query);
    return new Response(out.stream, {
      headers: {
        "content-type": out.contentType,
        "content-disposition": `attachment; filename="${out.filename}"`,
        "cache-control": "no-store",
        "x-report-export-id": query.exportId,
        link: `<${reportManifestHref(query.exportId)}>; rel="describedby"`,
      },
    });
  },
});

/** GET /api/v1/reports/manifest?exportId= — the signed manifest of a finished export, as a sidecar download. */
export const reportManifestRoute = defineRoute({
  kind: "read",
  name: "reports.manifest",
  permission: "reports.export",
  query: ZReportManifestQuery,
  run: async ({ prisma, query }) => {
    const manifest = await findReportManifest(prisma, query.exportId);
    if (!manifest) throw new AppError("NOT_FOUND", "No finished export has this id (an export's manifest exists once its last byte was sent).");
    return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${manifest.filename}.manifest.json"`,
        "cache-control": "no-store",
      },
    });
  },
});

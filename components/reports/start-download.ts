import { reportExportHref, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";

/**
 * Starts an export as a plain file download (the route streams it; no fetch, no JSON): a fresh
 * export id per click, so its manifest can be fetched afterwards. Returns the id.
 */
export function startReportDownload(report: TReportId, format: TReportFormat, filters: URLSearchParams | string): string {
  const exportId = crypto.randomUUID();
  const link = document.createElement("a");
  link.href = reportExportHref(report, format, exportId, filters);
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
  return exportId;
}

export type TStartedExport = { exportId: string; report: TReportId; format: TReportFormat; at: number };

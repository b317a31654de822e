/**
 * THE list of reports and export formats (client-safe: the Reports page and the Export menu read it).
 * Each report's rows come from lib/reports/sources/<id>.ts; every format gets the same rows.
 */
export const REPORT_IDS = ["inventory", "frameworks", "workflows", "campaigns", "audit"] as const;
export type TReportId = (typeof REPORT_IDS)[number];

export const REPORT_FORMATS = ["csv", "json", "pdf"] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORTS: Record<TReportId, { title: string; description: string }> = {
  inventory: { title: "Inventory review", description: "Every credential matching an inventory view (its URL filters), with owner, risk, expiry and last use." },
  frameworks: { title: "Risk by framework item", description: "Credentials per OWASP NHI, OWASP Agentic, CSA MAESTRO and NIST CSF item, with the high and critical ones." },
  workflows: { title: "Workflow history", description: "Rotation and revocation requests in a time range, including break-glass and rejected ones." },
  campaigns: { title: "Access review results", description: "Every item of a review campaign (or of all): the attestation, who made it, overdue, and the request closing opened." },
  audit: { title: "Audit log extract", description: "Audit events in a time range, with their hashes, as recorded in the chain." },
};

export const FORMAT_LABELS: Record<TReportFormat, { label: string; mime: string }> = {
  csv: { label: "CSV", mime: "text/csv; charset=utf-8" },
  json: { label: "JSON", mime: "application/json; charset=utf-8" },
  pdf: { label: "PDF", mime: "application/pdf" },
};

/** The export route and the manifest route: one place builds their URLs (page, menu, e2e). */
export function reportExportHref(report: TReportId, format: TReportFormat, exportId: string, filters: URLSearchParams | string = ""): string {
  const params = new URLSearchParams(filters);
  params.set("report", report);
  params.set("format", format);
  params.set("exportId", exportId);
  return `/api/v1/reports/export?${params.toString()}`;
}

export function reportManifestHref(exportId: string): string {
  return `/api/v1/reports/manifest?exportId=${encodeURIComponent(exportId)}`;
}

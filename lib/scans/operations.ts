import "server-only";
import { ZScanReport, type TScanReport } from "@/lib/discovery/schemas";
import { AppError } from "@/lib/errors/app-error";
import { ZIngestScanReport, ZUploadScanFiles } from "@/lib/scans/schemas";
import { ingestScanReport, type TIngestResult } from "@/lib/scans/services/ingest-scan-report";
import { scanUploads } from "@/lib/scans/services/scan-uploads";
import type { TOperation } from "@/lib/server/execute";

// POST /api/v1/scans: a scanner's report (the CLI's --send), all or nothing.
export const ingestScanOperation: TOperation<typeof ZIngestScanReport, TIngestResult> = {
  name: "scans.ingest",
  permission: "scans.write",
  input: ZIngestScanReport,
  run: ({ tx, input }) => ingestScanReport(tx, input),
};

// Uploaded files are scanned in `prepare` (CPU only, in memory, outside the transaction), then
// ingested by the same service as a sent report.
export const uploadScanOperation: TOperation<typeof ZUploadScanFiles, TIngestResult, TScanReport> = {
  name: "scans.upload",
  permission: "scans.write",
  input: ZUploadScanFiles,
  prepare: async ({ input }) => {
    const report = scanUploads(input, new Date());
    // What the scanner built must pass the same gate as a report from outside.
    const checked = ZScanReport.safeParse(report);
    if (!checked.success) throw new AppError("VALIDATION", `The upload could not be turned into a valid report: ${checked.error.issues[0]?.message ?? "invalid"}`);
    return checked.data;
  },
  run: ({ tx, prepared }) => ingestScanReport(tx, prepared),
};

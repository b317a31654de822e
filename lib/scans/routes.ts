import "server-only";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import { ingestScanOperation, uploadScanOperation } from "@/lib/scans/operations";
import { UPLOAD_LIMITS } from "@/lib/scans/schemas";
import { defineRoute } from "@/lib/server/route";

/** POST /api/v1/scans — a scan report from `npm run scan -- <dir> --send` (API key with scan:write). */
export const ingestScanRoute = defineRoute({ kind: "mutation", operation: ingestScanOperation, maxBodyBytes: REPORT_LIMITS.maxBodyBytes });

/** POST /api/v1/scans/uploads — config files or zips from the browser (base64 in JSON), scanned in memory. */
export const uploadScanRoute = defineRoute({
  kind: "mutation",
  operation: uploadScanOperation,
  // base64 is 4/3 of the bytes, plus the JSON around it.
  maxBodyBytes: Math.ceil((UPLOAD_LIMITS.totalBytes * 4) / 3) + 64 * 1024,
});

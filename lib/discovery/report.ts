import { FileCollector } from "@/lib/discovery/collector";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import { computeTotals, type TScanFile, type TScanReport } from "@/lib/discovery/schemas";

/** Who wrote a report: ingestion may refuse versions it does not know. */
export const SCANNER = { name: "tokenward-mcp-scanner", version: "1.0.0" } as const;

export type TReportMeta = { scannedAt: Date; root?: string; notes?: readonly string[] };

/** A report around scanned files, with the totals ingestion checks and the limits it enforces applied. */
export function buildReport(files: readonly TScanFile[], meta: TReportMeta): TScanReport {
  const notes = [...(meta.notes ?? [])];
  const kept: TScanFile[] = [];
  let servers = 0;
  let findings = 0;
  let references = 0;
  for (const file of files) {
    const fileServers = file.servers.length;
    const fileFindings = file.findings.length + file.servers.reduce((n, s) => n + s.findings.length, 0);
    const fileReferences = file.servers.reduce((n, s) => n + s.references.length, 0);
    if (
      kept.length >= REPORT_LIMITS.files ||
      servers + fileServers > REPORT_LIMITS.totalServers ||
      findings + fileFindings > REPORT_LIMITS.totalFindings ||
      references + fileReferences > REPORT_LIMITS.totalReferences
    ) {
      notes.push(`the report holds ${kept.length} of ${files.length} files: a report is limited to ${REPORT_LIMITS.files} files, ${REPORT_LIMITS.totalServers} servers and ${REPORT_LIMITS.totalFindings} findings; scan smaller directories`);
      break;
    }
    kept.push(uniquePath(file, kept));
    servers += fileServers;
    findings += fileFindings;
    references += fileReferences;
  }
  // The root label is shown, not resolved; it passes the same cut as file content.
  const label = meta.root === undefined ? undefined : new FileCollector().emit(meta.root, REPORT_LIMITS.text.path);
  return {
    version: 1,
    scanner: { ...SCANNER },
    scannedAt: meta.scannedAt.toISOString(),
    ...(label ? { root: label } : {}),
    files: kept,
    ...(notes.length ? { notes: notes.slice(0, REPORT_LIMITS.notesPerReport).map((n) => n.slice(0, REPORT_LIMITS.text.note)) } : {}),
    totals: computeTotals(kept),
  };
}

/**
 * Paths are shown escaped and bounded, so two odd file names (one with a newline, one with the
 * text "\u000a") can look the same; the report names each file once.
 */
function uniquePath(file: TScanFile, kept: readonly TScanFile[]): TScanFile {
  const taken = new Set(kept.map((f) => f.path));
  if (!taken.has(file.path)) return file;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = file.path.slice(0, REPORT_LIMITS.text.path - suffix.length) + suffix;
    if (!taken.has(candidate)) return { ...file, path: candidate };
  }
}

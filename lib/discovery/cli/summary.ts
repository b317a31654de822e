import type { TScanReport } from "@/lib/discovery/schemas";

/**
 * The human summary the CLI prints to stderr, built from the validated report only: it holds
 * fingerprints, hints and places, never a secret, so printing it to a CI log is safe.
 */

export function formatSummary(report: TScanReport, options: { quiet?: boolean } = {}): string {
  const t = report.totals;
  const head = `${t.files} config files (${t.filesWithErrors} with errors), ${t.servers} servers, ${t.findings} credentials found, ${t.references} references`;
  if (options.quiet) return `${head}\n`;
  const lines = [`Tokenward MCP config scan${report.root ? ` of ${report.root}` : ""}`, `  ${head}`];
  const detectors = Object.entries(t.byDetector).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (detectors.length) {
    lines.push("  credentials by detector:");
    for (const [detector, n] of detectors) lines.push(`    ${detector.padEnd(28)} ${n}`);
  }
  for (const file of report.files) {
    if (file.status === "error") {
      lines.push(`  ✖ ${file.path} (${file.format}): ${file.error}`);
      continue;
    }
    const count = file.findings.length + file.servers.reduce((n, s) => n + s.findings.length, 0);
    lines.push(`  ${count ? "!" : "✓"} ${file.path} (${file.format}): ${file.servers.length} servers, ${count} credentials`);
    for (const server of file.servers) {
      for (const f of server.findings) lines.push(`      ${server.name}: ${f.keyPath}  ${f.detector} (${f.credentialKind}, ${f.providerHint})  …${f.hint || "····"}  ${f.fingerprint.slice(0, 19)}…`);
      for (const r of server.references) lines.push(`      ${server.name}: ${r.keyPath}  reference ${r.reference}`);
    }
    for (const f of file.findings) lines.push(`      (file): ${f.keyPath}  ${f.detector} (${f.credentialKind}, ${f.providerHint})  …${f.hint || "····"}  ${f.fingerprint.slice(0, 19)}…`);
    for (const note of file.notes ?? []) lines.push(`      note: ${note}`);
  }
  for (const note of report.notes ?? []) lines.push(`  note: ${note}`);
  return `${lines.join("\n")}\n`;
}

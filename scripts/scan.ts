// `npm run scan -- <dir> [--out report.json|-] [--send <tokenward url> --key <twk_…>]` finds MCP
// client config files (Claude Desktop, Claude Code, Cursor, VS Code, Windsurf) under a directory,
// reports servers, references and literal credentials as fingerprints and hints — never a secret —
// and writes the report, sends it to Tokenward, or both. Made for developer machines and CI:
// exit 0 = no credential found, 1 = credentials found, 2 = usage error, unreadable path, report
// not written, or --send failed. The summary goes to stderr; stdout carries only `--out -`.
import { writeFile } from "node:fs/promises";
import { parseScanArgs, SCAN_USAGE } from "@/lib/discovery/cli/args";
import { sendReport } from "@/lib/discovery/cli/send";
import { formatSummary } from "@/lib/discovery/cli/summary";
import { scanDirectory } from "@/lib/discovery/scan-directory";
import { ZScanReport, type TScanReport } from "@/lib/discovery/schemas";

const say = (text: string) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);

function usage(message?: string): never {
  say(`${message ? `${message}\n` : ""}${SCAN_USAGE}`);
  process.exit(2);
}

const parsed = parseScanArgs(process.argv.slice(2), { TOKENWARD_API_KEY: process.env.TOKENWARD_API_KEY });
if (!parsed.ok) usage(parsed.error);
const args = parsed.args;
if (args.help) {
  process.stdout.write(`${SCAN_USAGE}\n`);
  process.exit(0);
}

let report: TScanReport;
try {
  report = await scanDirectory(args.root, { maxDepth: args.maxDepth, label: args.label ?? args.root });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  usage(`cannot scan ${args.root}: ${code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : (code ?? "unreadable")}`);
}

// The report is checked as ingestion will check it: a report the server would refuse is a scanner bug.
const valid = ZScanReport.safeParse(report);
if (!valid.success) {
  say(`scanner error: the report does not validate (${valid.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}); please report it`);
  process.exit(2);
}

say(formatSummary(report, { quiet: args.quiet }));
let exitCode = report.totals.findings > 0 ? 1 : 0;

if (args.out !== undefined) {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.out === "-") process.stdout.write(json);
  else {
    try {
      await writeFile(args.out, json, { mode: 0o600 });
      say(`report written to ${args.out}`);
    } catch (error) {
      say(`cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
      exitCode = 2;
    }
  }
}

if (args.send) {
  const result = await sendReport(report, args.send, args.timeoutMs);
  say(`${result.ok ? "sent" : "NOT sent"} to ${args.send.endpoint.href}: ${result.message}`);
  if (!result.ok) exitCode = 2;
}

process.exit(exitCode);

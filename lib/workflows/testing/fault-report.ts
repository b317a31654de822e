import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The fault suite's scenario × outcome table. Each test file saves its rows (they run in parallel,
 * each with its own database and worker process); the faults project's global teardown
 * (lib/workflows/faults/report-setup.ts) joins them into .data/test-reports/faults.md and prints it.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const REPORT_FILE = path.join(ROOT, ".data/test-reports/faults.md");
const PARTS = path.join(ROOT, ".data/test-reports/faults-parts");

export type TPart = { part: string; rows: string[][] };

export function clearReportParts(): void {
  rmSync(PARTS, { recursive: true, force: true });
  mkdirSync(PARTS, { recursive: true });
}

export function writeReportPart(part: string, rows: string[][]): void {
  mkdirSync(PARTS, { recursive: true });
  writeFileSync(path.join(PARTS, `${part}.json`), JSON.stringify({ part, rows } satisfies TPart));
}

const MATRIX_HEAD = "| Peer | Workflow | Step | Fault | Outcome | Old revoked only after new verified + delivered | Effects at the peer | Secrets in clear in the DB | Worker starts | s |";
const SCALE_HEAD = "| Concurrency / scale (PostgreSQL, real worker processes) | Outcome | s |";

export function composeReport(meta: { seconds: number; stepAttempts: number }): string {
  const parts = existsSync(PARTS) ? readdirSync(PARTS).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(path.join(PARTS, f), "utf8")) as TPart) : [];
  // Matrix rows have the matrix's ten columns; the rest are concurrency / scale rows.
  const all = parts.flatMap((p) => p.rows);
  const matrix = all.filter((r) => r.length === 10);
  const scale = all.filter((r) => r.length !== 10);
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, "/")).join(" | ")} |`;
  const text = [
    "# Fault injection: scenario × outcome",
    "",
    `\`npm run test:faults\` · PostgreSQL · workers = \`npm run worker\` child processes · TOKENWARD_STEP_ATTEMPTS=${meta.stepAttempts} · ${meta.seconds} s wall · ${new Date().toISOString()}`,
    "",
    "Faults, injected by a proxy in front of the peer: **error** = 5xx from the proxy on every attempt (never forwarded); **timeout** = forwarded (the peer acts), the answer withheld past the 10 s client timeout, once; **crash** = forwarded (the peer acts), the answer withheld, the worker process SIGKILLed, its leases expired, a new worker started.",
    "",
    MATRIX_HEAD,
    "|---|---|---|---|---|---|---|---|---|---|",
    ...matrix.map(line),
    "",
    SCALE_HEAD,
    "|---|---|---|",
    ...scale.map(line),
    "",
  ].join("\n");
  mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, text);
  return text;
}

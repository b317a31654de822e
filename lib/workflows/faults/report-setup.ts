import { clearReportParts, composeReport, REPORT_FILE } from "@/lib/workflows/testing/fault-report";

/** The faults project's global setup: clears the saved rows, and at the end prints and saves the table. */
export default function setup() {
  const started = Date.now();
  clearReportParts();
  return () => {
    // Mirrors STEP_ATTEMPTS in fault-scenario.ts (not imported: that module registers vitest hooks).
    const text = composeReport({ seconds: Math.round((Date.now() - started) / 1000), stepAttempts: 2 });
    process.stdout.write(`\n${text}\n(saved to ${REPORT_FILE})\n`);
  };
}

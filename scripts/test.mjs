// `npm test`: everything a change must pass, in the order that fails fastest.
// Installs what is missing (npm packages; Debian's Chromium and Glewlwyd when running as root).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureGlewlwyd } from "./ensure-glewlwyd.mjs";
import { bin, ensureDependencies, ensurePrismaClient, ROOT, run, step } from "./lib.mjs";

const timings = [];
const REPORTS = path.join(ROOT, ".data/test-reports");
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(project, name, env = {}) {
  const outputFile = path.join(REPORTS, `${name}.json`);
  try {
    run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`], { env });
  } finally {
    count(outputFile, (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests]);
  }
}

function count(file, pick) {
  if (!existsSync(file)) return;
  const [passed, failed, skipped] = pick(JSON.parse(readFileSync(file, "utf8")));
  totals.passed += passed ?? 0;
  totals.failed += failed ?? 0;
  totals.skipped += skipped ?? 0;
}

function closingLine() {
  process.stdout.write(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
}
function timed(title, fn) {
  const start = step(title);
  fn();
  timings.push([title, ((Date.now() - start) / 1000).toFixed(1)]);
}

async function postgresReachable() {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return;
  if (process.getuid?.() === 0) {
    step("Installing Debian's Chromium for the e2e tests (apt-get)");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  throw new Error(`No Chromium at ${path}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
}

// The report integration tests render PDFs with Debian's poppler-utils (pdftoppm, pdftotext).
function ensurePopplerUtils() {
  if (existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext")) return;
  if (process.getuid?.() === 0) {
    step("Installing Debian's poppler-utils for the PDF report tests (apt-get)");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "poppler-utils"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  throw new Error("No pdftoppm/pdftotext. Install them (sudo apt-get install poppler-utils).");
}

try {
  const started = Date.now();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  timed("Dependencies", ensureDependencies);
  timed("Prisma client", ensurePrismaClient);
  timed("Type-check", () => run(bin("tsc"), ["--noEmit"]));
  timed("Lint", () => run(bin("eslint"), ["--max-warnings", "0", "."]));
  timed("Unit tests", () => vitest("unit", "unit"));
  timed("poppler-utils", ensurePopplerUtils);
  timed("Glewlwyd (the OAuth connector's second peer)", () => ensureGlewlwyd({ required: Boolean(process.env.CI) }));
  timed("Integration tests on PGlite", () => vitest("integration", "integration-pglite", { TEST_DB: "pglite" }));
  if (await postgresReachable()) {
    timed("Integration tests on PostgreSQL", () => vitest("integration", "integration-postgres", { TEST_DB: "postgres" }));
    // Worker processes killed mid-step against the real peers; prints the table, saves .data/test-reports/faults.md.
    // The bulk scenario at 500 items here (5,000 with npm run test:faults: tens of minutes on a busy 2-core machine).
    timed("Fault injection on PostgreSQL (npm run test:faults)", () => vitest("faults", "faults", { TEST_DB: "postgres", TOKENWARD_FAULTS_BULK: "500" }));
  } else if (process.env.CI) {
    throw new Error("No PostgreSQL reachable in CI (TEST_POSTGRES_ADMIN_URL or 127.0.0.1:5432): .ci/run should have started it.");
  } else {
    process.stdout.write("\n⚠ No PostgreSQL reachable at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres): SKIPPING the PostgreSQL integration tests only.\n");
  }
  timed("Chromium", ensureChromium);
  timed("Production build", () => run(bin("next"), ["build"], { env: { TOKENWARD_DATA_DIR: ".data/build" } }));
  timed("E2E tests (Playwright, Chromium)", () => {
    try {
      run(bin("playwright"), ["test"]);
    } finally {
      count(path.join(REPORTS, "e2e.json"), (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected, r.stats.skipped]);
    }
  });
  process.stdout.write(`\nTimings (s): ${timings.map(([t, s]) => `${t} ${s}`).join(" · ")}\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  closingLine();
} catch (error) {
  process.stderr.write(`\n✖ ${error.message}\n`);
  closingLine();
  process.exit(error.exitCode ?? 1);
}

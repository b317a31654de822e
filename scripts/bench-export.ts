/**
 * Export benchmark: `npm run bench:export -- [--rows N] [--reuse-database NAME] [--keep | --load-only] [--format csv|json]`.
 *
 * 1. A fresh PostgreSQL database (the machine's, TEST_POSTGRES_ADMIN_URL), migrated and loaded with N
 *    credentials by the bench data generator (lib/seed, as scripts/bench-inventory.ts does), ANALYZEd.
 *    Risk is not scored (the export reads whatever credential_risks holds; scoring 1M rows takes
 *    minutes and changes nothing about the export's cost). --reuse-database times a kept one;
 *    the measurement runs in a child process, so the seeding's heap is not in its RSS.
 * 2. Streams the inventory review export (the service behind GET /api/v1/reports/export, same
 *    keyset pages, CSV through csv-stringify, SHA-256, signed manifest) into a byte counter, sampling
 *    RSS every 50 ms: prints rows/s, MB/s, peak RSS and its growth over the baseline before the export
 *    (cold, and after a small warm-up export of the same code path).
 * 3. Runs PostgreSQL's own `COPY (SELECT … the same rows, same order …) TO STDOUT (FORMAT csv)` through
 *    psql into a byte counter, and prints its rows/s beside ours.
 * Target: RSS growth ≤ 100 MB for 1,000,000 rows.
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { openDatabase } from "@/lib/db/open-database";
import { ZReportExportQuery } from "@/lib/reports/schemas";
import { startReportExport } from "@/lib/reports/services/stream-report-export";
import { seedDatabase } from "@/lib/seed";
import { seededActors } from "@/lib/testing/fixtures";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";

type TArgs = { rows: number; reuse?: string; keep: boolean; format: "csv" | "json"; loadOnly: boolean };

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { rows: 1_000_000, keep: false, format: "csv", loadOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (key === "--rows") args.rows = Number(value());
    else if (key === "--reuse-database") args.reuse = value();
    else if (key === "--keep") args.keep = true;
    else if (key === "--load-only") args.loadOnly = true;
    else if (key === "--format") args.format = value() === "json" ? "json" : "csv";
    else throw new Error(`unknown option ${key}`);
  }
  if (!Number.isInteger(args.rows) || args.rows < 1) throw new Error("--rows must be a positive whole number");
  if (args.reuse && !/^[a-z0-9_]+$/.test(args.reuse)) throw new Error("--reuse-database takes a PostgreSQL database name");
  return args;
}

const log = (msg: string) => process.stderr.write(`[bench:export] ${msg}\n`);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The inventory export's rows as one flat SELECT, in its default order (risk desc, id desc). */
const COPY_SQL = `COPY (
  SELECT c.id, c.name, c.provider_name, c.kind, c.status, c.environment, c.owner_name, c.team_name, i.name AS identity,
         r.score, r.level, array_to_string(c.scopes, ' '), array_to_string(r.privileges, ' '),
         c.expires_at, c.last_used_at, c.last_rotated_at, c.created_at, c.exposure_count, c.consumer_count
    FROM credentials c JOIN credential_risks r ON r.credential_id = c.id LEFT JOIN identities i ON i.id = c.identity_id
   ORDER BY r.score DESC, r.credential_id DESC
) TO STDOUT (FORMAT csv, HEADER)`;

function copyBaseline(url: string): Promise<{ ms: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", COPY_SQL], { stdio: ["ignore", "pipe", "inherit"] });
    let bytes = 0;
    let lines = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ ms: performance.now() - started, bytes, lines }) : reject(new Error(`psql exited ${code}`))));
  });
}

/** Measures in a child process of its own: the seeding's heap would otherwise be the RSS baseline. */
function measureInChild(name: string, args: TArgs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--reuse-database", name, "--format", args.format], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`measurement exited ${code}`))));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!(await isPostgresReachable())) throw new Error("no PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
  if (!args.reuse) {
    const name = `tw_bench_export_${process.pid}`;
    const url = databaseUrl(name);
    await createDatabase(name);
    try {
      migrateDeploy({ DATABASE_URL: url });
      const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
      try {
        log(`seeding ${args.rows.toLocaleString("en")} credentials`);
        const summary = await seedDatabase(database.prisma, { credentials: args.rows, seed: 1, demoPassword: "bench-password-0123456789", log });
        log(`seeded in ${(summary.elapsedMs / 1000).toFixed(0)} s`);
        await database.prisma.$executeRawUnsafe("VACUUM ANALYZE");
      } finally {
        await database.close();
      }
      if (!args.loadOnly) await measureInChild(name, args);
    } finally {
      if (args.keep || args.loadOnly) log(`kept database ${name} (rerun with --reuse-database ${name})`);
      else await dropDatabase(name);
    }
    return;
  }
  const url = databaseUrl(args.reuse);
  const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused", serialPlans: true });
  try {
    const n = (await database.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM credentials"))[0]?.n ?? 0;
    const auditor = (await seededActors(database.prisma)).auditor;
    const keys = generateKeyPairSync("ed25519");
    const signing: TAuditSigning = { signer: { keyId: "bench", privateKey: keys.privateKey }, verifyKeys: [], every: 1000 };

    // Warm the caches for both contenders alike (one COPY, discarded).
    await copyBaseline(url);

    // Two baselines: cold (nothing of the export loaded or compiled yet) and warm (after a small
    // export of the same code path: what the million rows add, not the first use of the code).
    const cold = process.memoryUsage().rss;
    const warmup = await startReportExport({ prisma: database.prisma, read: database.read, actor: auditor, signing }, ZReportExportQuery.parse({ report: "inventory", format: args.format, risk: "critical", sort: "name" }));
    await new Response(warmup.stream).arrayBuffer();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const request = ZReportExportQuery.parse({ report: "inventory", format: args.format });
    const started = performance.now();
    const out = await startReportExport({ prisma: database.prisma, read: database.read, actor: auditor, signing }, request);
    let bytes = 0;
    const reader = out.stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const manifest = await database.prisma.auditEvent.findFirst({ where: { targetId: request.exportId, action: "report.export_completed" }, select: { summary: true } });
    const rows = (manifest?.summary as { manifest: { rowCount: number } }).manifest.rowCount;

    const copy = await copyBaseline(url);
    const ours = rows / (ms / 1000);
    const theirs = (copy.lines - 1) / (copy.ms / 1000);
    console.log(
      [
        `export of ${rows.toLocaleString("en")} credentials (${n.toLocaleString("en")} in the table), inventory review as ${args.format.toUpperCase()}, PostgreSQL, ${new Date().toISOString()}`,
        `  Tokenward export: ${(ms / 1000).toFixed(1)} s, ${Math.round(ours).toLocaleString("en")} rows/s, ${mb(bytes)} MB (${mb(bytes / (ms / 1000))} MB/s), signed manifest ${manifest ? "written" : "MISSING"}`,
        `  PostgreSQL COPY … TO STDOUT (csv, same rows and order, via psql): ${(copy.ms / 1000).toFixed(1)} s, ${Math.round(theirs).toLocaleString("en")} rows/s, ${mb(copy.bytes)} MB`,
        `  ratio: COPY is ${(theirs / ours).toFixed(1)}× faster`,
        `  RSS: cold baseline ${mb(cold)} MB, after a warm-up export ${mb(baseline)} MB, peak ${mb(peak)} MB: growth ${mb(peak - baseline)} MB over the warm baseline, ${mb(peak - cold)} MB over the cold one (target ≤ 100 MB)`,
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error("bench:", error);
  process.exit(1);
});

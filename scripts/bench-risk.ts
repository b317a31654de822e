/**
 * `npm run bench:risk [-- --credentials N] [--seed S] [--batch B] [--keep] [--template DB]`
 *
 * Full risk recompute over N credentials (default 1,000,000) on the machine's PostgreSQL, against one
 * SQL pass that reads the same rows and the same context (the recompute's own statement, run once
 * over the whole table and streamed to the client through a cursor). Target: recompute ≤ 3× the pass.
 *
 * A fresh database is created (TEST_POSTGRES_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres),
 * migrated, bulk-loaded with the seed generator, measured and dropped again. `--keep` keeps it (its
 * name is printed); `--template DB` copies such a kept, never-scored database instead of seeding.
 */
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { scoringInputsParams, scoringInputsSql } from "@/lib/risk/services/load-scoring-inputs";
import { previewPolicyImpact } from "@/lib/risk/services/preview-policy-impact";
import { recomputeAll } from "@/lib/risk/services/recompute-all";
import { seedDatabase } from "@/lib/seed";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";

type TArgs = { credentials: number; seed: number; batch?: number; keep: boolean; template?: string };

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { credentials: 1_000_000, seed: 42, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--keep") {
      args.keep = true;
      continue;
    }
    if (flag === "--template") {
      const name = argv[++i];
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("--template needs a database name (lowercase letters, digits, _)");
      args.template = name;
      continue;
    }
    const value = Number(argv[i + 1]);
    if (flag === "--credentials" || flag === "--seed" || flag === "--batch") {
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
      if (flag === "--credentials") args.credentials = value;
      else if (flag === "--seed") args.seed = value;
      else args.batch = value;
      i++;
    } else if (flag !== "--") throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** One pass: the recompute's read statement over all credentials, fetched through a cursor. */
async function sqlPass(url: string, now: Date): Promise<{ ms: number; rows: number; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    const since = new Date(now.getTime() - DEFAULT_POLICY.usageWindowDays * 86_400_000);
    await client.query({ text: `DECLARE bench_pass NO SCROLL CURSOR FOR ${scoringInputsSql({ kind: "all" })}`, values: scoringInputsParams({ kind: "all" }, since) });
    let rows = 0;
    let bytes = 0;
    for (;;) {
      const batch = await client.query<{ j: string }>("FETCH 10000 FROM bench_pass");
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
      for (const r of batch.rows) bytes += r.j.length;
    }
    await client.query("COMMIT");
    return { ms: performance.now() - started, rows, bytes };
  } finally {
    await client.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!(await isPostgresReachable())) throw new Error("No PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = `tw_bench_risk_${process.pid}_${Date.now()}`;
  const url = databaseUrl(name);
  log(`bench:risk — ${args.template ? `copy of ${args.template}` : `${args.credentials.toLocaleString("en")} credentials`}, database ${name}`);
  await createDatabase(name, args.template);
  try {
    if (!args.template) migrateDeploy({ DATABASE_URL: url });
    const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
    try {
      if (!args.template) {
        const seedStarted = performance.now();
        const summary = await seedDatabase(database.prisma, { credentials: args.credentials, seed: args.seed, log });
        log(`seeded in ${seconds(performance.now() - seedStarted)}: ${summary.bindings.toLocaleString("en")} bindings, ${summary.exposures.toLocaleString("en")} exposures, ${summary.usageEvents.toLocaleString("en")} usage events`);
      }
      args.credentials = await database.prisma.credential.count();
      await database.prisma.$executeRawUnsafe("VACUUM ANALYZE");

      const now = new Date();
      // Warm the cache the same way for both: one untimed pass first.
      await sqlPass(url, now);
      const pass = await sqlPass(url, now);
      log(`SQL pass (never scored): ${seconds(pass.ms)}, ${pass.rows.toLocaleString("en")} rows, ${(pass.bytes / 1e6).toFixed(0)} MB`);

      let lastNote = 0;
      const progress = async (done: number, total: number) => {
        if (done - lastNote >= 100_000 || done === total) {
          lastNote = done;
          log(`  recompute ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
        }
      };
      const recompute = async (label: string) => {
        lastNote = 0;
        const result = await recomputeAll(database.prisma, { batchSize: args.batch, now: () => now, onProgress: progress });
        log(`${label}: ${seconds(result.durationMs)}, ${result.written.toLocaleString("en")} written`);
        return result;
      };
      const first = await recompute("full recompute, first scoring");

      // The rows now carry their stored factors: the same pass reads more, so measure it again.
      const passScored = await sqlPass(url, now);
      log(`SQL pass (scored): ${seconds(passScored.ms)}, ${(passScored.bytes / 1e6).toFixed(0)} MB`);
      const second = await recompute("full recompute, rerun");

      // A policy change: "high" from 55 instead of 60. Preview it, save it, recompute.
      const draft = structuredClone(DEFAULT_POLICY);
      draft.levels.high = 55;
      const impact = await previewPolicyImpact(database.prisma, DEFAULT_POLICY, draft, { now, batchSize: args.batch });
      log(`preview: ${seconds(impact.durationMs)}, ${impact.levelChanged.toLocaleString("en")} credentials change level`);
      await database.prisma.riskPolicy.create({ data: { version: 1, document: draft, comment: "bench" } });
      const third = await recompute("full recompute after the policy change");

      const levels = await database.prisma.credentialRisk.groupBy({ by: ["level"], _count: { _all: true } });
      const ratio = (ms: number, base = pass.ms) => `${(ms / base).toFixed(2)}×`;
      const rows: [string, number, number, string][] = [
        ["one SQL pass, rows never scored", pass.ms, pass.rows, "1.00×"],
        ["full recompute, first scoring (all rows written)", first.durationMs, first.scanned, ratio(first.durationMs)],
        ["one SQL pass, rows scored", passScored.ms, passScored.rows, "1.00×"],
        ["full recompute, rerun (nothing changed)", second.durationMs, second.scanned, ratio(second.durationMs, passScored.ms)],
        [`policy preview (high from 55: ${impact.levelChanged.toLocaleString("en")} change)`, impact.durationMs, impact.scanned, ratio(impact.durationMs, passScored.ms)],
        [`full recompute after that change (${third.written.toLocaleString("en")} written)`, third.durationMs, third.scanned, ratio(third.durationMs, passScored.ms)],
      ];
      const out = [
        "",
        `Risk recompute benchmark — PostgreSQL, ${args.credentials.toLocaleString("en")} credentials${args.template ? "" : ` (seed ${args.seed})`}`,
        "",
        `| ${"step".padEnd(58)} | ${"time".padStart(8)} | ${"rows".padStart(10)} | ${"vs SQL pass".padStart(11)} |`,
        `| ${"-".repeat(58)} | ${"-".repeat(8)} | ${"-".repeat(10)} | ${"-".repeat(11)} |`,
        ...rows.map(([step, ms, n, r]) => `| ${step.padEnd(58)} | ${seconds(ms).padStart(8)} | ${n.toLocaleString("en").padStart(10)} | ${r.padStart(11)} |`),
        "",
        `Target ≤ 3× the SQL pass over the same rows: first scoring ${ratio(first.durationMs)}, rerun ${ratio(second.durationMs, passScored.ms)}, after a policy change ${ratio(third.durationMs, passScored.ms)}.`,
        `Levels after the change: ${levels.map((l) => `${l.level} ${l._count._all.toLocaleString("en")}`).join(", ")}.`,
        "",
      ];
      process.stdout.write(out.join("\n"));
    } finally {
      await database.close();
    }
  } finally {
    if (args.keep) log(`kept ${name}`);
    else {
      await dropDatabase(name);
      log(`dropped ${name}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error("bench:risk failed:", error);
  process.exit(1);
});

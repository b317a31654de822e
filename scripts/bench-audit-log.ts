/**
 * Audit log benchmark: `npm run bench:audit-log -- [--events N] [--requests N] [--port P] [--keep]`.
 *
 * 1. Makes a fresh PostgreSQL database, migrates it, seeds the demo (1,000 credentials, its users),
 *    then appends N synthetic audit events (default 1,000,000) with one INSERT … SELECT
 *    generate_series: a year of history, real users and system as actors, a skewed mix of actions
 *    (common and rare), the seed's credentials, identities and providers as targets. The chain
 *    hashes of the synthetic rows are placeholders: this database is thrown away, and the log's
 *    queries never read hashes to filter.
 * 2. Starts the built app (`npm run build` first) on it and signs in as security@.
 * 3. For each filter, first page and a deep page (a cursor 10,000 rows down, taken by SQL), times
 *    the raw SQL (lib/audit/log-query.ts, the very statement the app sends, over one driver
 *    connection), the API (GET /api/v1/audit/events) and the page (GET /audit, server-rendered HTML),
 *    interleaved, and EXPLAINs the SQL to name the index it uses.
 * 4. Prints p50/p95 of each and the API and page p95 as ratios of the SQL p95.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { buildAuditLogQuery, type TSql } from "@/lib/audit/log-query";
import { encodeAuditCursor, ZAuditLogQuery } from "@/lib/audit/schemas";
import { seedDatabase } from "@/lib/seed";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";
import { signInBench, startBenchApp } from "./bench/app";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-password-0123456789";
const WARMUP = 5;

type TArgs = { events: number; requests: number; port: number; keep: boolean };

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { events: 1_000_000, requests: 40, port: 3320, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (key === "--events") args.events = Number(value());
    else if (key === "--requests") args.requests = Number(value());
    else if (key === "--port") args.port = Number(value());
    else if (key === "--keep") args.keep = true;
    else throw new Error(`unknown argument ${key}`);
  }
  if (!Number.isInteger(args.events) || args.events < 20_000) throw new Error("--events must be an integer ≥ 20000");
  if (!Number.isInteger(args.requests) || args.requests < 20) throw new Error("--requests must be an integer ≥ 20");
  return args;
}

const log = (line: string) => console.error(`bench: ${line}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * N events after the seed's own, over the past year, oldest first (time grows with seq as in a real
 * chain). Actions: ten common ones and two rare ones (1 in 5,000); actors: the seeded users, 1 in 6
 * system; targets: the seed's credentials mostly, identities, providers.
 */
const FILL_SQL = `
WITH u AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(email || ' (' || role || ')' ORDER BY id) AS labels FROM users),
     c AS (SELECT array_agg(id::text ORDER BY id) AS ids FROM credentials),
     i AS (SELECT coalesce(array_agg(id::text ORDER BY id), ARRAY['none']) AS ids FROM identities),
     p AS (SELECT coalesce(array_agg(id::text ORDER BY id), ARRAY['none']) AS ids FROM providers),
     head AS (SELECT coalesce(max(seq), 0) AS seq FROM audit_events)
INSERT INTO audit_events (seq, time, actor_id, actor_label, action, target_type, target_id, summary, prev_hash, hash)
SELECT head.seq + g,
  now() - interval '366 days' + (g * (interval '365 days' / $1::bigint)),
  CASE WHEN g % 6 = 0 THEN NULL ELSE u.ids[1 + (g * 7919) % cardinality(u.ids)] END,
  CASE WHEN g % 6 = 0 THEN 'system' ELSE u.labels[1 + (g * 7919) % cardinality(u.ids)] END,
  CASE WHEN g % 5000 = 17 THEN 'audit.verify_chain' WHEN g % 5000 = 4242 THEN 'reports.export'
       ELSE (ARRAY['ownership.assign','credentials.verify','workflows.request','workflows.decide','providers.sync','risk.recompute.start',
                   'access.denied','alerts.decide','exposures.remediate','users.update_role'])[1 + (g * 31) % 10] END,
  CASE WHEN g % 10 < 7 THEN 'credential' WHEN g % 10 < 9 THEN 'identity' ELSE 'provider' END,
  CASE WHEN g % 10 < 7 THEN c.ids[1 + (g * 104729) % cardinality(c.ids)]
       WHEN g % 10 < 9 THEN i.ids[1 + (g * 104729) % cardinality(i.ids)]
       ELSE p.ids[1 + g % cardinality(p.ids)] END,
  jsonb_build_object('before', jsonb_build_object('owner', NULL, 'n', g - 1), 'after', jsonb_build_object('owner', 'x', 'n', g)),
  'synthetic-prev-' || (head.seq + g), 'synthetic-' || (head.seq + g)
FROM generate_series(1::bigint, $1::bigint) g, u, c, i, p, head`;

async function load(args: TArgs, url: string) {
  const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
  try {
    log("seeding the demo (1,000 credentials)");
    await seedDatabase(database.prisma, { credentials: 1000, seed: 1, demoPassword: PASSWORD, log });
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query(FILL_SQL, [args.events]);
    log(`${args.events.toLocaleString("en")} audit events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}



type TCase = { label: string; params: Record<string, string> };

/** Index names an EXPLAIN (FORMAT JSON) plan reads. */
function indexesOf(plan: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node["Index Name"] === "string") found.add(node["Index Name"].replace(/^audit_events_/, ""));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const root = (Array.isArray(plan) ? plan[0] : plan) as { Plan?: Record<string, unknown> } | undefined;
  if (root?.Plan) walk(root.Plan);
  return [...found];
}

async function pickCases(client: pg.Client): Promise<TCase[]> {
  const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
  const owner = await one<{ id: string; email: string }>("SELECT id::text AS id, email FROM users WHERE email = 'owner@tokenward.local'");
  const busy = await one<{ id: string }>("SELECT target_id AS id FROM audit_events WHERE target_type = 'credential' GROUP BY target_id ORDER BY count(*) DESC LIMIT 1");
  const month = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  const base: TCase[] = [
    { label: "no filter", params: {} },
    { label: "actor (user id)", params: { actor: owner.id } },
    { label: "actor (e-mail)", params: { actor: owner.email } },
    { label: "actor system", params: { actor: "system" } },
    { label: "action (common)", params: { action: "ownership.assign" } },
    { label: "action (rare, 1 in 5,000)", params: { action: "reports.export" } },
    { label: "target credential + id", params: { targetType: "credential", targetId: busy.id } },
    { label: "target type only (provider)", params: { targetType: "provider" } },
    { label: "time range (a month, 6 months ago)", params: { from: month(200), to: month(170) } },
    { label: "action + time range", params: { action: "credentials.verify", from: month(200), to: month(170) } },
    { label: "actor + action", params: { actor: owner.id, action: "ownership.assign" } },
    { label: "actor + action (no match)", params: { actor: owner.id, action: "reports.export" } },
  ];
  // The deep page of each: a cursor 10,000 matching rows down (or the middle, if fewer match).
  const cases: TCase[] = [];
  for (const c of base) {
    cases.push({ label: `${c.label}, first page`, params: c.params });
    const query = ZAuditLogQuery.parse({ ...c.params, limit: 1 });
    const sql = buildAuditLogQuery(query);
    const countSql = sql.text.replace(/^SELECT[\s\S]*?FROM audit_events/, "SELECT count(*)::int AS n FROM audit_events").replace(/ORDER BY[\s\S]*$/, "");
    const n = (await client.query(countSql, sql.values.slice(0, -1))).rows[0].n as number;
    if (n < 200) continue;
    const offset = Math.min(10_000, Math.floor(n / 2));
    const at = (await client.query(`${sql.text.replace(/LIMIT \$\d+$/, "")} OFFSET ${offset} LIMIT 1`, sql.values.slice(0, -1))).rows[0] as { time: string; seq: string };
    cases.push({ label: `${c.label}, row ${offset.toLocaleString("en")}`, params: { ...c.params, cursor: encodeAuditCursor(new Date(at.time), at.seq) } });
  }
  return cases;
}

type TResult = { label: string; rows: number; sql: number[]; api: number[]; page: number[]; indexes: string[] };

async function timeSql(client: pg.Client, sql: TSql) {
  const started = performance.now();
  const r = await client.query(sql.text, sql.values);
  return { ms: performance.now() - started, rows: r.rowCount ?? 0 };
}

async function timeHttp(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
  await response.text();
  if (!response.ok) throw new Error(`${response.status} for ${url}`);
  return performance.now() - started;
}

function report(args: TArgs, results: TResult[], loadSeconds: number) {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const W = 46;
  const lines = [
    "",
    `Audit log benchmark — PostgreSQL, ${args.events.toLocaleString("en")} events, ${args.requests} requests per case (after ${WARMUP} warm-up), load ${loadSeconds.toFixed(0)} s`,
    "",
    `${"case".padEnd(W)} ${"rows".padStart(4)}  ${"SQL p50".padStart(7)} ${"SQL p95".padStart(7)}  ${"API p50".padStart(7)} ${"API p95".padStart(7)} ${"ratio".padStart(6)}  ${"page p50".padStart(8)} ${"page p95".padStart(8)} ${"ratio".padStart(6)}  index`,
  ];
  for (const r of results) {
    const sql95 = percentile(r.sql, 95);
    lines.push(
      `${r.label.slice(0, W).padEnd(W)} ${String(r.rows).padStart(4)}  ${f(percentile(r.sql, 50))} ${f(sql95)}  ${f(percentile(r.api, 50))} ${f(percentile(r.api, 95))} ${`${(percentile(r.api, 95) / sql95).toFixed(1)}×`.padStart(6)}  ${f(percentile(r.page, 50)).padStart(8)} ${f(percentile(r.page, 95)).padStart(8)} ${`${(percentile(r.page, 95) / sql95).toFixed(1)}×`.padStart(6)}  ${r.indexes.join(", ") || "NO INDEX"}`,
    );
  }
  lines.push(
    "",
    "times in ms; SQL = lib/audit/log-query.ts's statement over one driver connection (serial plans, as the app);",
    "API = GET /api/v1/audit/events (session → permission → zod → query → JSON); page = GET /audit (HTML, with the integrity panel and filter menus).",
  );
  console.log(lines.join("\n"));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  if (!(await isPostgresReachable())) throw new Error("no PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = `tw_bench_audit_${process.pid}_${Date.now()}`;
  const url = databaseUrl(name);
  let app: ChildProcess | undefined;
  let client: pg.Client | undefined;
  await createDatabase(name);
  try {
    const loadStarted = performance.now();
    migrateDeploy({ DATABASE_URL: url });
    await load(args, url);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    client = new pg.Client({ connectionString: url, options: "-c max_parallel_workers_per_gather=0" });
    await client.connect();
    const cases = await pickCases(client);

    log(`starting the app on port ${args.port}`);
    app = await startBenchApp({ port: args.port, env: { DATABASE_URL: url } });
    const base = `http://localhost:${args.port}`;
    const cookie = await signInBench(base, { email: "security@tokenward.local", password: PASSWORD, check: "/api/v1/audit/events?limit=1" });

    const results: TResult[] = [];
    for (const c of cases) {
      log(`timing ${c.label}`);
      const query = ZAuditLogQuery.parse(c.params);
      const sql = buildAuditLogQuery(query);
      const qs = new URLSearchParams(c.params).toString();
      const apiUrl = `${base}/api/v1/audit/events${qs ? `?${qs}` : ""}`;
      const pageUrl = `${base}/audit${qs ? `?${qs}` : ""}`;
      const plan = (await client.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values)).rows[0]["QUERY PLAN"];
      const result: TResult = { label: c.label, rows: 0, sql: [], api: [], page: [], indexes: indexesOf(plan) };
      for (let i = 0; i < WARMUP; i++) {
        await timeSql(client, sql);
        await timeHttp(apiUrl, cookie);
        await timeHttp(pageUrl, cookie);
      }
      for (let i = 0; i < args.requests; i++) {
        const s = await timeSql(client, sql);
        result.sql.push(s.ms);
        result.rows = Math.min(s.rows, query.limit);
        result.api.push(await timeHttp(apiUrl, cookie));
        result.page.push(await timeHttp(pageUrl, cookie));
      }
      results.push(result);
    }
    report(args, results, loadSeconds);
  } finally {
    app?.kill();
    await client?.end();
    if (args.keep) log(`kept database ${name}`);
    else await dropDatabase(name);
  }
}

main().catch((error: unknown) => {
  console.error("bench:", error);
  process.exit(1);
});

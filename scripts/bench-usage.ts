/**
 * Hop-log explorer benchmark: `npm run bench:usage -- [--events N] [--credentials N] [--requests N]`.
 *
 * 1. Makes a fresh PostgreSQL database, migrates it, seeds --credentials credentials (the demo users
 *    and teams come with them) and generates --events hops with one INSERT … SELECT generate_series
 *    per million (500 callers, 200 MCP servers, 50 tools, 4 outcomes, 4 hops a trace, spread over
 *    90 days), then ANALYZE.
 * 2. Starts the built app (`next start`; run `npm run build` first), signs in as security@ and
 *    owner@ through the real credentials endpoint.
 * 3. For each filter (first page, and a deep page from the middle of the log) times
 *    GET /api/v1/usage/events and the very same SQL (lib/usage/hop-log-sql.ts) on a plain driver,
 *    interleaved, and EXPLAINs it to show the index it walks.
 * 4. Prints p50/p95 of both and the ratio API p95 / SQL p95.
 *
 * Options: --events (default 10,000,000), --credentials (10,000), --requests (40), --port (3525),
 * --keep (keep the database), --reuse-database <name> (time an already loaded database again).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TActor } from "@/lib/auth/actor";
import { openDatabase } from "@/lib/db/open-database";
import { hopQueryToSearchParams, parseHopQuery, type THopQuery } from "@/lib/usage/hop-log-params";
import { buildHopQuery, encodeHopCursor, type THopScope } from "@/lib/usage/hop-log-sql";
import { seedDatabase } from "@/lib/seed";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";
import { signInBench, startBenchApp } from "./bench/app";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-password-0123456789";
const WARMUP = 5;
const CHUNK = 1_000_000;

type TArgs = { events: number; credentials: number; requests: number; port: number; keep: boolean; reuse?: string };

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { events: 10_000_000, credentials: 10_000, requests: 40, port: 3525, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (key === "--events") args.events = Number(value());
    else if (key === "--credentials") args.credentials = Number(value());
    else if (key === "--requests") args.requests = Number(value());
    else if (key === "--port") args.port = Number(value());
    else if (key === "--keep") args.keep = true;
    else if (key === "--reuse-database") args.reuse = value();
    else throw new Error(`unknown option ${key}`);
  }
  if (!(args.events >= 1 && args.credentials >= 10 && args.requests >= 5)) throw new Error("--events ≥ 1, --credentials ≥ 10, --requests ≥ 5");
  return args;
}

const log = (message: string) => console.log(`[bench:usage ${new Date().toISOString().slice(11, 19)}] ${message}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** N hops in chunks of a million, each one INSERT … SELECT generate_series. */
async function generate(client: pg.Client, events: number) {
  await client.query("CREATE TEMP TABLE bench_creds AS SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM credentials");
  const spanMs = 90 * 86_400_000;
  for (let start = 0; start < events; start += CHUNK) {
    const end = Math.min(events, start + CHUNK) - 1;
    const started = performance.now();
    await client.query(
      `INSERT INTO usage_events (event_id, time, trace_id, span_id, credential_id, caller_kind, caller_id, target_kind, target_id, tool, outcome)
       SELECT 'bench-' || g, now() - ((g::float8 * $3::float8 / $4::float8) * interval '1 millisecond'), 'trace-' || (g / 4), 'span-' || g,
              c.ids[1 + (g * 7919) % c.n], 'agent', 'agent-' || (g % 500), 'mcp_server', 'mcp-' || (g % 200),
              CASE WHEN g % 10 = 0 THEN NULL ELSE 'tool-' || (g % 50) END,
              (CASE g % 20 WHEN 0 THEN 'denied' WHEN 1 THEN 'error' WHEN 2 THEN 'task_completed' ELSE 'allowed' END)::"UsageOutcome"
         FROM generate_series($1::bigint, $2::bigint) AS g, bench_creds c`,
      [start, end, spanMs, events],
    );
    log(`  ${(end + 1).toLocaleString("en")} hops (${((performance.now() - started) / 1000).toFixed(0)} s for this million)`);
  }
}



type TCase = { label: string; query: THopQuery; as: "security" | "owner" };

const q = (record: Record<string, string>): THopQuery => {
  const parsed = parseHopQuery(record);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

async function pickCases(client: pg.Client, events: number): Promise<TCase[]> {
  const [busy] = (await client.query("SELECT credential_id::text AS id FROM usage_events ORDER BY time DESC, id DESC LIMIT 1")).rows as { id: string }[];
  const [mid] = (await client.query(`SELECT time, id::text AS id FROM usage_events ORDER BY time DESC, id DESC OFFSET ${Math.floor(events / 2)} LIMIT 1`)).rows as { time: Date; id: string }[];
  const [callerMid] = (await client.query(`SELECT time, id::text AS id FROM usage_events WHERE caller_id = 'agent-7' ORDER BY time DESC, id DESC OFFSET ${Math.floor(events / 1000)} LIMIT 1`)).rows as { time: Date; id: string }[];
  const deep = encodeHopCursor({ time: mid!.time.toISOString(), id: mid!.id });
  const callerDeep = encodeHopCursor({ time: callerMid!.time.toISOString(), id: callerMid!.id });
  const day = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  return [
    { label: "no filter", query: q({}), as: "security" },
    { label: "credential", query: q({ credential: busy!.id }), as: "security" },
    { label: "trace", query: q({ trace: `trace-${Math.floor(events / 8)}` }), as: "security" },
    { label: "caller", query: q({ caller: "agent-7" }), as: "security" },
    { label: "target", query: q({ target: "mcp-13" }), as: "security" },
    { label: "tool", query: q({ tool: "tool-21" }), as: "security" },
    { label: "outcome=denied", query: q({ outcome: "denied" }), as: "security" },
    { label: "one day (from/to)", query: q({ from: day, to: next }), as: "security" },
    { label: "caller+outcome", query: q({ caller: "agent-7", outcome: "error" }), as: "security" },
    { label: "caller+target+tool+day", query: q({ caller: "agent-7", target: "mcp-7", tool: "tool-7", from: day }), as: "security" },
    { label: "owner: own hops", query: q({}), as: "owner" },
    { label: "deep: middle of the log", query: q({ after: deep }), as: "security" },
    { label: "deep: caller, page ~20", query: q({ caller: "agent-7", after: callerDeep }), as: "security" },
  ];
}

function indexesOf(plan: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node["Index Name"] === "string") found.add(node["Index Name"]);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const root = (Array.isArray(plan) ? plan[0] : plan) as { Plan?: Record<string, unknown> } | undefined;
  if (root?.Plan) walk(root.Plan);
  return [...found];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!(await isPostgresReachable())) throw new Error("no PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = args.reuse ?? `tw_bench_usage_${process.pid}`;
  const url = databaseUrl(name);
  let app: ChildProcess | undefined;
  const client = new pg.Client({ connectionString: url, options: "-c max_parallel_workers_per_gather=0" });
  try {
    if (!args.reuse) {
      await createDatabase(name);
      migrateDeploy({ DATABASE_URL: url });
      const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
      log(`seeding ${args.credentials.toLocaleString("en")} credentials`);
      await seedDatabase(database.prisma, { credentials: args.credentials, seed: 1, demoPassword: PASSWORD });
      await database.close();
    }
    await client.connect();
    if (!args.reuse) {
      const started = performance.now();
      log(`generating ${args.events.toLocaleString("en")} hops`);
      await generate(client, args.events);
      await client.query("VACUUM ANALYZE usage_events");
      log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const [counted] = (await client.query("SELECT count(*)::bigint AS n FROM usage_events")).rows as { n: string }[];
    const events = Number(counted!.n);
    const [size] = (
      // A partitioned table has no storage of its own: its size is its partitions'.
      await client.query(
        "SELECT pg_size_pretty(sum(pg_total_relation_size(relid))) AS total, pg_size_pretty(sum(pg_indexes_size(relid))) AS indexes FROM pg_partition_tree('usage_events') WHERE isleaf",
      )
    ).rows as { total: string; indexes: string }[];
    log(`usage_events: ${events.toLocaleString("en")} rows, ${size!.total} with ${size!.indexes} of indexes`);
    const cases = await pickCases(client, events);
    const ownerRow = (await client.query("SELECT u.id::text AS id, coalesce(array_agg(m.team_id::text) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS teams FROM users u LEFT JOIN team_memberships m ON m.user_id = u.id WHERE u.email = 'owner@tokenward.local' GROUP BY u.id")).rows[0] as { id: string; teams: string[] };
    const scopes: Record<TCase["as"], THopScope> = {
      security: { actor: { id: "00000000-0000-0000-0000-000000000000", teamIds: [] } as Pick<TActor, "id" | "teamIds">, reach: "any" },
      owner: { actor: { id: ownerRow.id, teamIds: ownerRow.teams }, reach: "owned" },
    };

    if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
    log(`starting the app on port ${args.port}`);
    app = await startBenchApp({ port: args.port, env: { DATABASE_URL: url, TOKENWARD_INVENTORY_RATE_LIMIT: "1000000" }, healthyWithinSeconds: 60 });
    const base = `http://localhost:${args.port}`;
    const signIn = (email: string) => signInBench(base, { email, password: PASSWORD, check: "/api/v1/usage/events?limit=1" });
    const cookies = { security: await signIn("security@tokenward.local"), owner: await signIn("owner@tokenward.local") };

    const timeApi = async (c: TCase) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/usage/events?${hopQueryToSearchParams(c.query)}`, { headers: { cookie: cookies[c.as] } });
      const body = (await response.json()) as { items?: unknown[]; error?: { message: string } };
      if (!response.ok) throw new Error(`${c.label}: ${response.status} ${body.error?.message}`);
      return { ms: performance.now() - started, rows: body.items!.length };
    };
    const timeSql = async (c: TCase) => {
      const plan = buildHopQuery(c.query, scopes[c.as]);
      const started = performance.now();
      await client.query(plan.text, plan.values as unknown[]);
      return performance.now() - started;
    };
    const rows: string[] = [];
    for (const c of cases) {
      const plan = buildHopQuery(c.query, scopes[c.as]);
      const [explained] = (await client.query(`EXPLAIN (FORMAT JSON) ${plan.text}`, plan.values as unknown[])).rows as Record<string, unknown>[];
      const indexes = indexesOf(explained!["QUERY PLAN"]).filter((i) => !i.startsWith("credentials_"));
      for (let i = 0; i < WARMUP; i++) {
        await timeApi(c);
        await timeSql(c);
      }
      const api: number[] = [];
      const sql: number[] = [];
      let count = 0;
      for (let i = 0; i < args.requests; i++) {
        sql.push(await timeSql(c));
        const a = await timeApi(c);
        api.push(a.ms);
        count = a.rows;
      }
      const line = `${c.label.padEnd(26)} ${String(count).padStart(4)} rows  SQL p50 ${percentile(sql, 50).toFixed(1).padStart(6)} p95 ${percentile(sql, 95).toFixed(1).padStart(6)} ms  API p50 ${percentile(api, 50).toFixed(1).padStart(6)} p95 ${percentile(api, 95).toFixed(1).padStart(6)} ms  API/SQL p95 ${(percentile(api, 95) / percentile(sql, 95)).toFixed(2)}×  ${indexes.join(", ")}`;
      log(line);
      rows.push(line);
    }
    console.log(`\nhop-log explorer, ${events.toLocaleString("en")} hops, ${args.requests} runs each (PostgreSQL, page of 50):`);
    for (const line of rows) console.log(line);
  } finally {
    if (app) app.kill("SIGTERM");
    await client.end().catch(() => {});
    if (!args.reuse) {
      if (args.keep) log(`kept database ${name} (rerun with --reuse-database ${name})`);
      else await dropDatabase(name);
    }
  }
}

await main();

/**
 * Inventory benchmark: `npm run bench:inventory -- [--db postgres|pglite] [--credentials N] [--requests N]`.
 *
 * 1. Makes a fresh database (PostgreSQL: a new database on the local server; PGlite: a new data
 *    dir), migrates it and loads N credentials with the bench data generator (bulk multi-row SQL),
 *    then scores them with the risk engine (if it is present) and runs VACUUM ANALYZE.
 * 2. Starts the built app (`next start`, run `npm run build` first) on that database, signs in as
 *    security@ through the real credentials endpoint and keeps the session cookie.
 * 3. For each typical query, times the HTTP API (GET /api/v1/credentials) and the raw SQL of the very
 *    same query (built by lib/inventory/query-builder.ts, sent by a plain driver), interleaved, over
 *    --requests runs after a warm-up, and EXPLAINs it to show the index it uses.
 * 4. Prints p50/p95 of both and the ratio (target: API p95 ≤ 1.5× SQL p95), and the first-load JS
 *    (gzip) of the inventory page.
 *
 * On PGlite the database is single-process: the raw SQL is timed in this process first, then the
 * data dir is handed to the app for the API runs.
 *
 * Options: --db, --credentials (default 1,000,000), --requests (≥ 50, default 60), --port (3310),
 * --no-score (skip the risk engine), --keep (keep the database), --reuse-database <name> (time an
 * already loaded PostgreSQL database again, without loading), --load-only <name> (load and keep a
 * PostgreSQL database under that name, time nothing).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { buildListQuery, type TSqlQuery } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { listQueryToSearchParams, type TCredentialListQuery } from "@/lib/inventory/query-params";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import { seedDatabase } from "@/lib/seed";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";
import { signInBench, startBenchApp } from "./bench/app";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench-password-0123456789";
const WARMUP = 8;
const GLOBAL_WARMUP = 15;

type TArgs = {
  db: "postgres" | "pglite"; credentials: number; requests: number; port: number; keep: boolean; score: boolean;
  /** An already loaded PostgreSQL database (from an earlier --keep run): skips the load, never dropped. */
  reuse?: string;
  /** Load (and keep) a database under this name, then stop: for iterating on indexes with psql. */
  loadOnly?: string;
};

function parseArgs(argv: string[]): TArgs {
  const args: TArgs = { db: "postgres", credentials: 1_000_000, requests: 60, port: 3310, keep: false, score: true };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (key === "--db") args.db = value() === "pglite" ? "pglite" : "postgres";
    else if (key === "--credentials") args.credentials = Number(value());
    else if (key === "--requests") args.requests = Number(value());
    else if (key === "--port") args.port = Number(value());
    else if (key === "--keep") args.keep = true;
    else if (key === "--no-score") args.score = false;
    else if (key === "--reuse-database") args.reuse = value();
    else if (key === "--load-only") args.loadOnly = value();
    else throw new Error(`unknown argument ${key}`);
  }
  if (!Number.isInteger(args.credentials) || args.credentials < 1000) throw new Error("--credentials must be an integer ≥ 1000");
  if (args.reuse && (args.db !== "postgres" || !/^[a-z0-9_]+$/.test(args.reuse))) throw new Error("--reuse-database takes a PostgreSQL database name");
  if (!Number.isInteger(args.requests) || args.requests < 50) throw new Error("--requests must be an integer ≥ 50");
  return args;
}

const log = (line: string) => console.error(`bench: ${line}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type TRaw = { query: (sql: TSqlQuery) => Promise<unknown[]>; close: () => Promise<void> };

async function rawPostgres(url: string): Promise<TRaw> {
  // The app's request connections run serial plans (lib/db/client.ts): time the SQL the same way.
  const client = new pg.Client({ connectionString: url, options: "-c max_parallel_workers_per_gather=0" });
  await client.connect();
  return {
    query: async (sql) => (await client.query(sql.text, sql.values as unknown[])).rows,
    close: () => client.end(),
  };
}

async function rawPglite(dir: string): Promise<TRaw> {
  const db = new PGlite(dir);
  await db.waitReady;
  return { query: async (sql) => (await db.query(sql.text, sql.values as unknown[])).rows, close: () => db.close() };
}

/** Index names an EXPLAIN (FORMAT JSON) plan reads. */
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

async function explain(raw: TRaw, sql: TSqlQuery): Promise<string[]> {
  const [row] = (await raw.query({ text: `EXPLAIN (FORMAT JSON) ${sql.text}`, values: sql.values })) as Record<string, unknown>[];
  const cell = row?.["QUERY PLAN"];
  return indexesOf(typeof cell === "string" ? JSON.parse(cell) : cell);
}



/** Gzip size of every script a page loads on first paint. */
async function firstLoadJs(base: string, cookie: string, page = "/inventory"): Promise<{ files: number; gzip: number; raw: number }> {
  const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
  // Every script the page loads, except the legacy polyfills modern browsers skip (noModule), as
  // Next's own "First Load JS" counts them.
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(`${m[1]} ${m[3]}`))
        .map((m) => m[2]!.replace(/&amp;/g, "&")),
    ),
  ];
  let gzip = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: srcs.length, gzip, raw };
}

type TCase = { label: string; query: TCredentialListQuery };

async function pickCases(raw: TRaw): Promise<TCase[]> {
  const one = async <T>(text: string) => ((await raw.query({ text, values: [] })) as T[])[0]!;
  const provider = await one<{ id: string }>("SELECT provider_id::text AS id FROM credentials GROUP BY provider_id ORDER BY count(*) DESC LIMIT 1");
  const owner = await one<{ id: string }>("SELECT id::text AS id FROM users WHERE email = 'owner@tokenward.local'");
  // A realistic prefix: the first five letters of a word in the 1000th credential's name.
  const sample = await one<{ name: string }>("SELECT name FROM credentials ORDER BY id OFFSET 999 LIMIT 1");
  const word = sample.name.split(/[^A-Za-z0-9]+/).find((w) => w.length >= 6) ?? sample.name;
  const q = (params: Record<string, string>) => ZCredentialListQuery.parse(params);
  const cases: TCase[] = [
    { label: "default sort (risk, newest page)", query: q({}) },
    { label: "provider + status", query: q({ provider: provider.id, status: "active" }) },
    { label: "expiring within 30 days", query: q({ status: "active", expiresWithin: "30", sort: "expires" }) },
    { label: "never expiring, write scopes", query: q({ neverExpires: "1", scope: "write" }) },
    { label: `search by prefix "${word.slice(0, 5).toLowerCase()}"`, query: q({ q: word.slice(0, 5) }) },
    { label: "owner's view by risk", query: q({ owner: owner.id, sort: "risk" }) },
    { label: "orphaned + exposed, by name", query: q({ orphaned: "1", exposed: "1", sort: "name" }) },
    // Query-cost DoS probes: a scope nobody carries (used to unnest every credential's scopes) and a
    // one-letter search (a prefix that matches most of the table).
    { label: "scope-miss", query: q({ scope: "no-such-scope-zq" }) },
    { label: 'one-letter search "a"', query: q({ q: "a" }) },
    // Issue #10: the scope catalogue's classes and the risk factors as filters (credential_risks, GIN).
    { label: "privilege admin or wildcard", query: q({ privilege: "admin,wildcard" }) },
    { label: "privilege unknown, by name", query: q({ privilege: "unknown", sort: "name" }) },
    { label: "factor over-privileged", query: q({ factor: "over-privileged" }) },
    { label: "factor orphaned, prod, by name", query: q({ factor: "orphaned", env: "prod", sort: "name" }) },
  ];
  return cases;
}

/** The 21st page of the default sort: proves keyset pages cost the same deep down. */
async function deepCursor(base: string, cookie: string): Promise<TCase> {
  let query = ZCredentialListQuery.parse({});
  for (let i = 0; i < 20; i++) {
    const page = (await (await fetch(`${base}/api/v1/credentials?${listQueryToSearchParams(query)}`, { headers: { cookie } })).json()) as { nextCursor: string };
    query = { ...query, after: page.nextCursor };
  }
  return { label: "default sort, page 21 (keyset)", query };
}

/** `api`: as a browser asks (gzip); `identity`: the same request uncompressed (what the floor is). */
type TResult = { label: string; failed?: string; rows: number; sql: number[]; api: number[]; identity: number[]; bytes: { raw: number; wire: number }; indexes: string[]; inApp: TInApp[] };

/** The app's own account of a request (its Server-Timing header, lib/server/route.ts). */
type TInApp = { session: number; query: number; app: number };

function parseServerTiming(header: string | null): TInApp | undefined {
  const dur = (name: string) => Number(new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header ?? "")?.[1] ?? Number.NaN);
  const t = { session: dur("session"), query: dur("query"), app: dur("app") };
  return Object.values(t).every(Number.isFinite) ? t : undefined;
}

type TEncoding = "gzip" | "identity";

async function timeApi(base: string, cookie: string, query: TCredentialListQuery, encoding: TEncoding = "gzip"): Promise<{ ms: number; rows: number; raw: number; wire: number; inApp?: TInApp }> {
  const url = `${base}/api/v1/credentials?${listQueryToSearchParams(query)}`;
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, "accept-encoding": encoding } });
  const text = await response.text();
  const body = JSON.parse(text) as { items: unknown[] };
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`API ${response.status} for ${url}`);
  if (encoding === "identity" && response.headers.get("content-encoding")) throw new Error(`asked for identity, got ${response.headers.get("content-encoding")}`);
  const raw = Buffer.byteLength(text);
  return { ms, rows: body.items.length, raw, wire: encoding === "gzip" && response.headers.get("content-encoding") === "gzip" ? gzipSync(text).length : raw, inApp: parseServerTiming(response.headers.get("server-timing")) };
}

/** The statement the API runs for a query, after the look-ups resolveFilter makes first (as listCredentialsBody does). */
async function listPlan(raw: TRaw, query: TCredentialListQuery): Promise<TSqlQuery> {
  const read = async <T,>(text: string, values: readonly unknown[]) => (await raw.query({ text, values: [...values] })) as T[];
  return buildListQuery(query, new Date(), undefined, await resolveFilter(read, query));
}

/** The SQL side of a request: the look-ups (when there are any) and the statement, all timed. */
async function timeSql(raw: TRaw, query: TCredentialListQuery): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await raw.query(await listPlan(raw, query));
  return { ms: performance.now() - started, rows: rows.length };
}

type TJs = { files: number; gzip: number; raw: number };

type TFloor = { health: number; bare: number; nextOverBare: number; pageBytes: number; barePage: number };

/**
 * Our part of a request: API − SQL − Next's floor, compared like with like — the uncompressed API
 * (the floor's /api/health is too small to be compressed). What gzip adds is reported beside it.
 */
const ours = (results: TResult[], floor: TFloor) => percentile(results.map((r) => percentile(r.identity, 50) - percentile(r.sql, 50) - floor.nextOverBare), 50);
/** What moving a result's body over loopback costs a bare Node server: linear between its tiny and page-sized answers. */
const transport = (r: TResult, floor: TFloor) => Math.max(0, floor.barePage - floor.bare) * Math.min(1, r.bytes.raw / Math.max(1, floor.pageBytes));
/** The same, with each result's body transport (measured on bare Node) also taken out. */
const oursBodyMatched = (results: TResult[], floor: TFloor) =>
  percentile(results.map((r) => percentile(r.identity, 50) - percentile(r.sql, 50) - floor.nextOverBare - transport(r, floor)), 50);
const gzipCost = (results: TResult[]) => percentile(results.map((r) => percentile(r.api, 50) - percentile(r.identity, 50)), 50);
const median = (values: number[]) => percentile(values, 50);

/**
 * Our part measured where it happens: the handler's own time less its query's (Server-Timing), per
 * request, so a baseline taken on another connection cannot skew it. Median over queries of p50.
 */
function inAppLine(results: TResult[]): string {
  const withTiming = results.filter((r) => r.inApp.length > 0);
  if (withTiming.length === 0) return "inside the app: no Server-Timing header on the API's answers";
  const per = (pick: (t: TInApp) => number) => median(withTiming.map((r) => percentile(r.inApp.map(pick), 50)));
  const ours = per((t) => t.app - t.query);
  const session = per((t) => t.session);
  const outside = median(withTiming.map((r) => percentile(r.identity, 50) - percentile(r.inApp.map((t) => t.app), 50)));
  return `inside the app (its Server-Timing): our part = handler − its query: median ${ours.toFixed(2)} ms (target ≤ 2 ms), of which the session check (cookie + one user lookup) ${session.toFixed(2)} ms; Next, HTTP and the client add ${outside.toFixed(2)} ms around the handler`;
}

function report(args: TArgs, results: TResult[], js: TJs, shell: TJs, loadSeconds: number, floor: TFloor) {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const lines = [
    "",
    `Inventory benchmark — ${args.db}, ${args.credentials.toLocaleString("en")} credentials, ${args.requests} requests per query (after ${WARMUP} warm-up), load ${loadSeconds.toFixed(0)} s`,
    "",
    `${"query".padEnd(40)} ${"rows".padStart(4)}  ${"SQL p50".padStart(7)} ${"SQL p95".padStart(7)}  ${"API p50".padStart(7)} ${"API p95".padStart(7)}  ${"p95 ratio".padStart(9)}  ${"API−SQL".padStart(7)}  index`,
    `${"".padEnd(40, "-")} ${"".padStart(4, "-")}  ${"".padStart(7, "-")} ${"".padStart(7, "-")}  ${"".padStart(7, "-")} ${"".padStart(7, "-")}  ${"".padStart(9, "-")}  ${"".padStart(7, "-")}  -----`,
  ];
  for (const r of results) {
    if (r.failed) {
      lines.push(`${r.label.slice(0, 40).padEnd(40)} FAILED: ${r.failed} (SQL p95 over runs: ${r.sql.length ? f(percentile(r.sql, 95)) : "not timed"})`);
      continue;
    }
    const ratio = percentile(r.api, 95) / percentile(r.sql, 95);
    lines.push(
      `${r.label.slice(0, 40).padEnd(40)} ${String(r.rows).padStart(4)}  ${f(percentile(r.sql, 50))} ${f(percentile(r.sql, 95))}  ${f(percentile(r.api, 50))} ${f(percentile(r.api, 95))}  ${`${ratio.toFixed(2)}×${ratio <= 1.5 ? " " : "!"}`.padStart(9)}  ${f(percentile(r.api, 50) - percentile(r.sql, 50))}  ${r.indexes.length ? `yes: ${r.indexes.join(", ")}` : "NO"}`,
    );
  }
  const timed = results.filter((r) => !r.failed);
  lines.push("", "times in ms; SQL = the same statement over one driver connection; API = GET /api/v1/credentials over HTTP, signed in (session → permission → zod → query → JSON).");
  lines.push(
    `SQL p95 target ≤ 15 ms: ${[...results.filter((r) => r.failed || percentile(r.sql, 95) > 15).map((r) => r.label)].join("; ") || "all met"}${results.some((r) => r.failed || percentile(r.sql, 95) > 15) ? " over" : ""}`,
    `Next's floor: /api/health p50 ${floor.health.toFixed(2)} − bare Node server p50 ${floor.bare.toFixed(2)} = ${floor.nextOverBare.toFixed(2)} ms; our part = API (uncompressed) − SQL − that floor: median ${ours(timed, floor).toFixed(2)} ms (target ≤ 2 ms)`,
    `the same with each answer's body transport also taken out (bare Node answering the median page's ${(floor.pageBytes / 1024).toFixed(1)} kB: p50 ${floor.barePage.toFixed(2)} ms, ${(floor.barePage - floor.bare).toFixed(2)} ms over its tiny answer; scaled by each answer's size): median ${oursBodyMatched(timed, floor).toFixed(2)} ms`,
    inAppLine(timed),
    `gzip (what a browser asks for) adds a median ${gzipCost(timed).toFixed(2)} ms on loopback and sends ${(median(timed.map((r) => r.bytes.wire)) / 1024).toFixed(1)} kB instead of ${(median(timed.map((r) => r.bytes.raw)) / 1024).toFixed(1)} kB (median page)`,
  );
  lines.push(`inventory page first-load JS: ${(js.gzip / 1024).toFixed(1)} kB gzip (${(js.raw / 1024).toFixed(0)} kB raw, ${js.files} scripts); target ≤ 150 kB`);
  lines.push(`  for comparison, /audit (the app shell + a small page): ${(shell.gzip / 1024).toFixed(1)} kB gzip — the inventory adds ${((js.gzip - shell.gzip) / 1024).toFixed(1)} kB`);
  console.log(lines.join("\n"));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.loadOnly) {
    if (!/^[a-z0-9_]+$/.test(args.loadOnly)) throw new Error("--load-only takes a PostgreSQL database name");
    const url = databaseUrl(args.loadOnly);
    await createDatabase(args.loadOnly);
    migrateDeploy({ DATABASE_URL: url });
    await load(args, { DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
    log(`loaded ${args.loadOnly} (time it with --reuse-database ${args.loadOnly})`);
    return;
  }
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const stamp = `${process.pid}_${Date.now()}`;
  let cleanup: () => Promise<void> = async () => {};
  let app: ChildProcess | undefined;
  try {
    // 1. A fresh, migrated, seeded database.
    let appEnv: Record<string, string>;
    let openRaw: () => Promise<TRaw>;
    const loadStarted = performance.now();
    if (args.db === "postgres") {
      if (!(await isPostgresReachable())) throw new Error("no PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
      const name = args.reuse ?? `tw_bench_${stamp}`;
      const url = databaseUrl(name);
      appEnv = { DATABASE_URL: url };
      openRaw = () => rawPostgres(url);
      if (args.reuse) {
        const probe = await rawPostgres(url);
        const [row] = (await probe.query({ text: "SELECT count(*)::int AS n FROM credentials", values: [] })) as { n: number }[];
        await probe.close();
        args.credentials = row?.n ?? 0;
        log(`reusing database ${name} (${args.credentials.toLocaleString("en")} credentials)`);
      } else {
        await createDatabase(name);
        cleanup = async () => (args.keep ? log(`kept database ${name} (rerun with --reuse-database ${name})`) : dropDatabase(name));
        migrateDeploy({ DATABASE_URL: url });
        await load(args, { DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
      }
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), "tw-bench-"));
      const dataDir = path.join(dir, "pglite");
      cleanup = async () => (args.keep ? log(`kept data dir ${dataDir}`) : rmSync(dir, { recursive: true, force: true }));
      migrateDeploy({ TOKENWARD_DATA_DIR: dataDir });
      appEnv = { TOKENWARD_DATA_DIR: dataDir, DATABASE_URL: "" };
      openRaw = () => rawPglite(dataDir);
      await load(args, { TOKENWARD_DATA_DIR: dataDir });
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // 2. Cases and raw SQL (on PGlite, all raw timings first: one process at a time).
    let raw = await openRaw();
    const cases = await pickCases(raw);
    const results = new Map<string, TResult>();
    const sqlFirst = args.db === "pglite";
    if (sqlFirst) {
      for (const c of cases) results.set(c.label, { label: c.label, rows: 0, sql: await sqlRuns(raw, c.query, args.requests), api: [], identity: [], bytes: { raw: 0, wire: 0 }, inApp: [], indexes: await explain(raw, await listPlan(raw, c.query)) });
      await raw.close();
    }

    // 3. The app, signed in.
    log(`starting the app on port ${args.port}`);
    // The bench sends hundreds of requests a minute as one user: not what the per-user budget is for.
    app = await startBenchApp({ port: args.port, env: { ...appEnv, TOKENWARD_INVENTORY_RATE_LIMIT: "1000000" } });
    const base = `http://localhost:${args.port}`;
    const cookie = await signInBench(base, { email: "security@tokenward.local", password: PASSWORD, check: "/api/v1/credentials?limit=1" });
    // The deep page needs a cursor from the app (on PGlite its SQL is timed after the app stops).
    const deep = await deepCursor(base, cookie);
    cases.push(deep);
    // The server's code paths are cold after start (JIT, lazily loaded chunks): the first cases
    // timed measured 5–6 ms more API time than the same query later. Bring it to its steady state
    // first, both encodings, every case (a refused query is left to the loop below to report).
    log(`warming the app up (${GLOBAL_WARMUP} rounds over every case)`);
    for (let round = 0; round < GLOBAL_WARMUP; round++) {
      for (const c of cases) {
        await timeApi(base, cookie, c.query).catch(() => undefined);
        await timeApi(base, cookie, c.query, "identity").catch(() => undefined);
      }
    }

    for (const c of cases) {
      log(`timing ${c.label}`);
      const result = results.get(c.label) ?? { label: c.label, rows: 0, sql: [], api: [], identity: [], bytes: { raw: 0, wire: 0 }, indexes: [], inApp: [] };
      results.set(c.label, result);
      // A query the app refuses (statement timeout → 503) is a finding, reported as such; the rest still run.
      const probe = await timeApi(base, cookie, c.query).catch((error: unknown) => error as Error);
      if (probe instanceof Error) {
        result.failed = probe.message.replace(/ for http.*/, "");
        continue;
      }
      for (let i = 0; i < WARMUP; i++) await timeApi(base, cookie, c.query);
      if (!sqlFirst) {
        result.indexes = await explain(raw, await listPlan(raw, c.query));
        for (let i = 0; i < WARMUP; i++) await timeSql(raw, c.query);
      }
      for (let i = 0; i < args.requests; i++) {
        if (!sqlFirst) result.sql.push((await timeSql(raw, c.query)).ms);
        const api = await timeApi(base, cookie, c.query);
        result.api.push(api.ms);
        const plain = await timeApi(base, cookie, c.query, "identity");
        result.identity.push(plain.ms);
        if (plain.inApp) result.inApp.push(plain.inApp);
        result.rows = api.rows;
        result.bytes = { raw: api.raw, wire: api.wire };
      }
      results.set(c.label, result);
    }
    const js = await firstLoadJs(base, cookie);
    const shell = await firstLoadJs(base, cookie, "/audit");
    // Next's own floor while the app still runs (on PGlite it is stopped next).
    const floor = await measureFloor(base, args.requests, median([...results.values()].filter((r) => !r.failed).map((r) => r.bytes.raw)));
    if (sqlFirst) {
      // PGlite: stop the app, then time the deep page's SQL in-process.
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
      app = undefined;
      raw = await openRaw();
      const d = results.get(deep.label)!;
      d.sql = await sqlRuns(raw, deep.query, args.requests);
      d.indexes = await explain(raw, await listPlan(raw, deep.query));
    }
    await raw.close();
    report(args, cases.map((c) => results.get(c.label)!), js, shell, loadSeconds, floor);
  } finally {
    if (app) app.kill("SIGTERM");
    await cleanup();
  }
}

/**
 * Next's own cost per request: /api/health (no session, one trivial query) against a bare Node
 * http server answering the same JSON, both over fetch from this process, interleaved. The bare
 * server also answers a body the size of the median API page (`pageBytes`): what moving those bytes
 * over loopback costs any server, Next or not — the health answer is too small to show it.
 */
async function measureFloor(base: string, n: number, pageBytes: number): Promise<TFloor> {
  const tiny = JSON.stringify({ status: "ok" });
  // A JSON body of exactly pageBytes bytes, as a page's items would be.
  const page = JSON.stringify({ items: "x".repeat(Math.max(0, pageBytes - 12)) });
  const server = createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end(req.url === "/page" ? page : tiny));
  await new Promise<void>((r) => server.listen(0, "localhost", r));
  const bareUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
  const time = async (url: string) => {
    const started = performance.now();
    await (await fetch(url)).text();
    return performance.now() - started;
  };
  const health: number[] = [];
  const bare: number[] = [];
  const barePage: number[] = [];
  try {
    for (let i = 0; i < WARMUP; i++) await Promise.all([time(`${base}/api/health`), time(bareUrl), time(`${bareUrl}page`)]);
    for (let i = 0; i < n; i++) {
      health.push(await time(`${base}/api/health`));
      bare.push(await time(bareUrl));
      barePage.push(await time(`${bareUrl}page`));
    }
  } finally {
    server.close();
  }
  const h = percentile(health, 50);
  const b = percentile(bare, 50);
  return { health: h, bare: b, nextOverBare: h - b, pageBytes: Buffer.byteLength(page), barePage: percentile(barePage, 50) };
}

async function sqlRuns(raw: TRaw, query: TCredentialListQuery, n: number): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await timeSql(raw, query);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timeSql(raw, query)).ms);
  return out;
}

/** Seeds with the bench data generator, scores with the risk engine when present, then ANALYZE. */
async function load(args: TArgs, config: { DATABASE_URL?: string; TOKENWARD_DATA_DIR: string }) {
  const database = await openDatabase(config);
  try {
    log(`seeding ${args.credentials.toLocaleString("en")} credentials`);
    const summary = await seedDatabase(database.prisma, { credentials: args.credentials, seed: 1, demoPassword: PASSWORD, log });
    log(`seeded in ${(summary.elapsedMs / 1000).toFixed(0)} s`);
    if (args.score) {
      try {
        const { recomputeAll } = await import("@/lib/risk/services/recompute-all");
        const started = performance.now();
        const result = await recomputeAll(database.prisma);
        log(`risk scores: ${result.written.toLocaleString("en")} written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        log(`risk scoring skipped (${error instanceof Error ? error.message : String(error)}): risk columns stay at their defaults`);
      }
    }
    await database.prisma.$executeRawUnsafe("VACUUM ANALYZE");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error("bench:", error);
  process.exit(1);
});

// `npm run bench:ingest -- [--events 500000] [--batch 5000] [--concurrency 4] [--credentials 10000] [--port 3320] [--keep]`
// Usage ingestion at scale on the machine's PostgreSQL, over HTTP against the built app (`npm run
// build` first): N events as NDJSON to POST /api/v1/usage, then N as OTLP protobuf (made by the
// OpenTelemetry SDK's serializer) to POST /api/v1/otlp/v1/traces, each batch a 3-hop trace mix over a
// pool of inventoried credentials. Prints events/s, p95 batch latency and events lost (must be 0)
// next to PostgreSQL's own multi-row INSERT of the same rows into a copy of usage_events (same
// indexes): the floor any ingestion pays. Goal: HTTP throughput ≥ 0.5× the floor.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import pg from "pg";
import { createApiKeyOperation } from "@/lib/api-keys/operations";
import { openDatabase } from "@/lib/db/open-database";
import { executeOperation } from "@/lib/server/execute";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";
import { TOKENWARD_ATTRIBUTES as TW } from "@/lib/usage/otlp/map-spans";
import { applyPendingUsage } from "@/lib/usage/services/apply-pending-usage";

const ROOT = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const EVENTS = Number(arg("events", "500000"));
const BATCH = Number(arg("batch", "5000"));
const CONCURRENCY = Number(arg("concurrency", "4"));
const CREDENTIALS = Number(arg("credentials", "10000"));
const PORT = Number(arg("port", "3320"));
const KEEP = process.argv.includes("--keep");
const log = (line: string) => process.stderr.write(`${line}\n`);
const fp = (k: number) => `sha256:${createHash("sha256").update(`bench-token-${k}`).digest("hex")}`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

type THop = { id: string; time: string; traceId: string; spanId: string; parentSpanId?: string; credential: number; callerKind: string; callerId: string; targetKind: string; targetId: string; audience: string; tool?: string };

/** Batch b: traces of three hops (agent → MCP server → provider API), one credential each. */
function hops(prefix: string, b: number, n: number): THop[] {
  const out: THop[] = [];
  const base = Date.now() - 3600_000;
  for (let i = 0; i < n; i++) {
    const k = b * BATCH + i;
    const trace = Math.floor(k / 3);
    const hop = k % 3;
    const traceId = createHash("md5").update(`${prefix}${trace}`).digest("hex");
    const span = (h: number) => createHash("md5").update(`${prefix}${trace}:${h}`).digest("hex").slice(0, 16);
    out.push({
      id: `${traceId}${span(hop)}`,
      time: new Date(base + k).toISOString(),
      traceId,
      spanId: span(hop),
      ...(hop > 0 ? { parentSpanId: span(hop - 1) } : {}),
      credential: (trace * 7 + hop) % CREDENTIALS,
      callerKind: hop === 0 ? "agent" : "mcp_server",
      callerId: hop === 0 ? `agent-${trace % 50}` : `mcp-${trace % 20}`,
      targetKind: hop === 2 ? "provider_api" : "mcp_server",
      targetId: hop === 2 ? "api.github.com" : `mcp-${trace % 20}`,
      audience: hop === 2 ? "https://api.github.com" : `https://mcp-${trace % 20}.internal/mcp`,
      ...(hop === 1 ? { tool: "search" } : {}),
    });
  }
  return out;
}

function ndjson(list: THop[]): string {
  return list
    .map((h) => JSON.stringify({ id: h.id, time: h.time, traceId: h.traceId, spanId: h.spanId, ...(h.parentSpanId ? { parentSpanId: h.parentSpanId } : {}), credential: { fingerprint: fp(h.credential) }, caller: { kind: h.callerKind, id: h.callerId, environment: "prod" }, target: { kind: h.targetKind, id: h.targetId, audience: h.audience }, ...(h.tool ? { tool: h.tool } : {}), outcome: "allowed" }))
    .join("\n");
}

/** The same hops as spans of the OTLP data model, serialized by the OpenTelemetry SDK itself. */
function otlp(list: THop[]): Blob {
  const toHr = (iso: string): [number, number] => {
    const ms = Date.parse(iso);
    return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
  };
  const resource = { attributes: { "service.name": "bench-gateway" }, merge: () => resource, getRawAttributes: () => [["service.name", "bench-gateway"]] } as unknown as ReadableSpan["resource"];
  const spans = list.map((h) => {
    const attributes: Record<string, string> = { [TW.fingerprint]: fp(h.credential), [TW.callerKind]: h.callerKind, [TW.callerId]: h.callerId, [TW.targetKind]: h.targetKind, [TW.targetId]: h.targetId, [TW.audience]: h.audience, "deployment.environment.name": "prod" };
    if (h.tool) attributes["gen_ai.tool.name"] = h.tool;
    return {
      name: "hop", kind: 2, spanContext: () => ({ traceId: h.traceId, spanId: h.spanId, traceFlags: 1 }),
      parentSpanContext: h.parentSpanId ? { traceId: h.traceId, spanId: h.parentSpanId, traceFlags: 1 } : undefined,
      startTime: toHr(h.time), endTime: toHr(h.time), status: { code: 0 }, attributes, links: [], events: [], duration: [0, 0], ended: true,
      resource, instrumentationScope: { name: "bench" }, droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    } as unknown as ReadableSpan;
  });
  return new Blob([new Uint8Array(ProtobufTraceSerializer.serializeRequest(spans)!)]);
}

async function startApp(url: string): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT), "-H", "localhost"], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: url, AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789", AUTH_URL: `http://localhost:${PORT}`,
      TOKENWARD_AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      TOKENWARD_WORKER: "off", TOKENWARD_API_KEY_RATE_LIMIT: "1000000", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // On a shared machine the app can be stopped from outside: say so instead of a bare "fetch failed".
  child.on("exit", (code, signal) => log(`bench: the app exited (code ${code}, signal ${signal})`));
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`http://localhost:${PORT}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("the app did not become healthy in 30 s");
}

type TRun = { seconds: number; latencies: number[]; sent: number; retries: number; restarts: number };

/**
 * The app under test. On this shared machine it has been stopped from outside mid-run (SIGTERM):
 * senders then wait for it to be started again and resend the batch, as an exporter would (the
 * event ids make a resend harmless), and the run reports how many restarts it took.
 */
let app: ChildProcess | undefined;
let appUrl = "";
let restarting: Promise<void> | undefined;
let starts = 0;
function ensureApp(): Promise<void> {
  if (app && app.exitCode === null && app.signalCode === null) return Promise.resolve();
  restarting ??= startApp(appUrl).then((child) => {
    starts++;
    app = child;
    restarting = undefined;
  });
  return restarting;
}

async function send(label: string, token: string, path_: string, type: string, encode: (list: THop[]) => BodyInit, prefix: string): Promise<TRun> {
  const batches = Math.ceil(EVENTS / BATCH);
  const latencies: number[] = [];
  let next = 0;
  let sent = 0;
  let retries = 0;
  const startsBefore = starts;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const b = next++;
      if (b >= batches) return;
      const list = hops(prefix, b, Math.min(BATCH, EVENTS - b * BATCH));
      const body = encode(list);
      const t = performance.now();
      // As an OTLP exporter does: 503 (a statement timed out waiting for locks) and 429 are retried.
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await fetch(`http://localhost:${PORT}${path_}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": type }, body });
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((r) => setTimeout(r, 500));
          await ensureApp();
          continue;
        }
        const text = await response.text();
        if (response.ok) break;
        if ((response.status === 503 || response.status === 429) && attempt < 10) {
          retries++;
          await new Promise((r) => setTimeout(r, 200 * attempt));
          continue;
        }
        throw new Error(`${label} batch ${b}: HTTP ${response.status} ${text.slice(0, 300)}`);
      }
      latencies.push(performance.now() - t);
      sent += list.length;
      if (b % 20 === 0) log(`  ${label}: ${sent.toLocaleString("en")} / ${EVENTS.toLocaleString("en")}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies, sent, retries, restarts: starts - startsBefore };
}

/**
 * PostgreSQL alone: the same rows, multi-row INSERT of 1,000 into a copy of usage_events with its
 * indexes, range-partitioned by time like it (one default partition: the routing cost is the same).
 */
async function floor(url: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE usage_floor (LIKE usage_events INCLUDING DEFAULTS INCLUDING INDEXES) PARTITION BY RANGE ("time")`);
  await client.query(`CREATE TABLE usage_floor_default PARTITION OF usage_floor DEFAULT`);
  const started = performance.now();
  for (let b = 0; b * BATCH < EVENTS; b++) {
    const list = hops("floor", b, Math.min(BATCH, EVENTS - b * BATCH));
    for (let o = 0; o < list.length; o += 1000) {
      const values: unknown[] = [];
      const rows = list.slice(o, o + 1000).map((h) => {
        values.push(h.id, h.time, h.traceId, h.spanId, h.parentSpanId ?? null, ids[h.credential], fp(h.credential), h.callerKind, h.callerId, "prod", h.targetKind, h.targetId, h.audience, h.tool ?? null);
        const p = values.length - 14;
        return `($${p + 1},$${p + 2},$${p + 3},$${p + 4},$${p + 5},$${p + 6}::uuid,$${p + 7},$${p + 8}::"CallerKind",$${p + 9},$${p + 10}::"Environment",$${p + 11}::"TargetKind",$${p + 12},$${p + 13},$${p + 14},'allowed')`;
      });
      await client.query(`INSERT INTO usage_floor (event_id, time, trace_id, span_id, parent_span_id, credential_id, fingerprint, caller_kind, caller_id, caller_environment, target_kind, target_id, target_audience, tool, outcome) VALUES ${rows.join(",")} ON CONFLICT DO NOTHING`, values);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

async function main() {
  if (!(await isPostgresReachable())) throw new Error("bench:ingest needs the machine's PostgreSQL");
  const name = `tw_bench_ingest_${randomBytes(3).toString("hex")}`;
  await createDatabase(name);
  const url = databaseUrl(name);
  try {
    migrateDeploy({ DATABASE_URL: url });
    const { prisma } = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: ".data/unused" });
    const admin = await prisma.user.create({ data: { email: "bench@tokenward.local", name: "Bench", role: "admin" } });
    const provider = await prisma.provider.create({ data: { name: "GitHub (bench)", type: "github" } });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (let o = 0; o < CREDENTIALS; o += 1000) {
      const values: unknown[] = [];
      const rows = Array.from({ length: Math.min(1000, CREDENTIALS - o) }, (_, i) => {
        values.push(`bench PAT ${o + i}`, `pat-${o + i}`, fp(o + i));
        return `(gen_random_uuid(), $${values.length - 2}, 'pat', '${provider.id}', $${values.length - 1}, $${values.length}, 'sync', now())`;
      });
      await client.query(`INSERT INTO credentials (id, name, kind, provider_id, external_id, fingerprint, source, updated_at) VALUES ${rows.join(",")}`, values);
    }
    const ids = (await client.query<{ id: string; external_id: string }>(`SELECT id::text, external_id FROM credentials WHERE provider_id = $1`, [provider.id])).rows
      .sort((a, b) => Number(a.external_id.slice(4)) - Number(b.external_id.slice(4))).map((r) => r.id);
    await client.query("VACUUM ANALYZE");
    await client.end();
    const created = await executeOperation(prisma, createApiKeyOperation, { id: admin.id, email: admin.email, name: admin.name, role: "admin", teamIds: [] }, { name: "bench", scopes: ["usage:write"], expiresInDays: 1 });
    if (!created.ok) throw new Error(created.error.message);
    log(`bench: ${CREDENTIALS.toLocaleString("en")} credentials in ${name}; starting the app`);
    appUrl = url;
    await ensureApp();

    const nd = await send("NDJSON", created.data.token, "/api/v1/usage", "application/x-ndjson", ndjson, "nd");
    const ot = await send("OTLP protobuf", created.data.token, "/api/v1/otlp/v1/traces", "application/x-protobuf", otlp, "ot");
    const stored = await prisma.usageEvent.count();
    app?.kill("SIGTERM");
    app = undefined;
    log("bench: applying the hops (last use, rescoring with the usage factors: the usage.apply job)");
    const applyStarted = performance.now();
    const applied = await applyPendingUsage(prisma);
    const applySeconds = (performance.now() - applyStarted) / 1000;
    log("bench: PostgreSQL floor (multi-row INSERT of the same rows)");
    const floorSeconds = await floor(url, ids);
    const floorRate = EVENTS / floorSeconds;
    const line = (label: string, run: TRun) => {
      const rate = run.sent / run.seconds;
      return `${label.padEnd(16)} ${run.sent.toLocaleString("en").padStart(10)} events  ${run.seconds.toFixed(1).padStart(6)} s  ${Math.round(rate).toLocaleString("en").padStart(7)} ev/s  p95 batch ${percentile(run.latencies, 95).toFixed(0).padStart(5)} ms  ratio ${(rate / floorRate).toFixed(2)}× ${rate / floorRate >= 0.5 ? "(goal ≥ 0.5 met)" : "(goal ≥ 0.5 NOT met)"}  retried ${run.retries}${run.restarts > 0 ? `  app restarted ${run.restarts}× (stopped from outside; its time is included)` : ""}`;
    };
    console.log([
      "",
      `Usage ingestion benchmark — PostgreSQL, ${CREDENTIALS.toLocaleString("en")} credentials, batches of ${BATCH.toLocaleString("en")}, ${CONCURRENCY} concurrent senders`,
      line("NDJSON", nd),
      line("OTLP protobuf", ot),
      `${"PostgreSQL floor".padEnd(16)} ${EVENTS.toLocaleString("en").padStart(10)} events  ${floorSeconds.toFixed(1).padStart(6)} s  ${Math.round(floorRate).toLocaleString("en").padStart(7)} ev/s  (multi-row INSERT, 1,000 rows a statement, same indexes, partitioned, one connection)`,
      `detectors: the usage.apply job rescored ${applied.credentials.toLocaleString("en")} credentials against ${stored.toLocaleString("en")} hops in ${applySeconds.toFixed(1)} s (after ingestion; it runs beside it in production)`,
      `events lost: ${2 * EVENTS - stored} (sent ${(2 * EVENTS).toLocaleString("en")}, stored ${stored.toLocaleString("en")})`,
      "The HTTP figure includes what the floor does not: auth, body reading, parsing and zod per event, credential resolution, the pending-credential queue, one audit event per batch and waking the usage.apply job.",
    ].join("\n"));
    await prisma.$disconnect();
  } finally {
    app?.kill("SIGTERM");
    if (!KEEP) await dropDatabase(name).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// `npm run bench:sync -- [--pats 100000] [--batch 500] [--keep]` (tsx --conditions=react-server: the sync code is server-only)
// A provider sync at scale, on the machine's PostgreSQL: a GitHub organisation with N fine-grained
// PATs (the OpenAPI-validated fake, in its own process), synced through the real job code into a
// fresh database. Prints the sync's rate and Tokenward's peak RSS growth, next to PostgreSQL's own
// multi-row INSERT of the same number of credential rows (the floor any sync has to pay), then a
// re-sync that changes nothing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { resetEnvCache } from "@/lib/env";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { executeOperation } from "@/lib/server/execute";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const pats = Number(arg("pats", "100000"));
const batch = Number(arg("batch", "500"));
const keep = process.argv.includes("--keep");
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function startPeer(): Promise<{ url: string; org: string; appId: string; privateKey: string; stop: () => void }> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/bench/github-peer-process.ts", String(pats)], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the fake GitHub exited (${code})`)));
  });
  return { ...(JSON.parse(first) as { url: string; org: string; appId: string; privateKey: string }), stop: () => child.kill("SIGTERM") };
}

/** PostgreSQL alone: the same number of credential rows, multi-row INSERTs of `batch`. */
async function insertFloor(url: string, providerId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    for (let offset = 0; offset < pats; offset += batch) {
      const n = Math.min(batch, pats - offset);
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = 0; i < n; i++) {
        const k = offset + i;
        values.push(`floor ${k}`, `floor:${k}`, ["contents:write", "metadata:read"]);
        rows.push(`(gen_random_uuid(), $${values.length - 2}, 'pat', '${providerId}', $${values.length - 1}, $${values.length}::text[], 'sync', now())`);
      }
      await client.query(`INSERT INTO credentials (id, name, kind, provider_id, external_id, scopes, source, updated_at) VALUES ${rows.join(",")}`, values);
    }
    return performance.now() - started;
  } finally {
    await client.query(`DELETE FROM credentials WHERE external_id LIKE 'floor:%'`);
    await client.end();
  }
}

async function main() {
  if (!(await isPostgresReachable())) throw new Error("No PostgreSQL at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
  process.env.TOKENWARD_CONNECTOR_KEYS = `bench:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  const name = `tw_bench_sync_${process.pid}_${Date.now()}`;
  const url = databaseUrl(name);
  log(`bench:sync — ${pats.toLocaleString("en")} GitHub PATs, batches of ${batch}, database ${name}`);
  await createDatabase(name);
  const peer = await startPeer();
  try {
    migrateDeploy({ DATABASE_URL: url });
    const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
    try {
      const admin = await database.prisma.user.create({ data: { email: "bench@tokenward.local", name: "Bench", role: "admin" } });
      const created = await executeOperation(database.prisma, createProviderOperation, { id: admin.id, email: admin.email, name: admin.name, role: "admin", teamIds: [] }, {
        type: "github",
        name: "GitHub (bench)",
        config: { org: peer.org, appId: peer.appId, apiBaseUrl: peer.url },
        secret: { privateKey: peer.privateKey },
      });
      if (!created.ok) throw new Error(created.error.message);
      const providerId = created.data.id;

      const floorMs = await insertFloor(url, providerId);
      log(`PostgreSQL multi-row INSERT of ${pats.toLocaleString("en")} rows: ${(floorMs / 1000).toFixed(1)} s`);

      const measure = async (label: string) => {
        global.gc?.();
        const base = process.memoryUsage().rss;
        let peak = base;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        const started = performance.now();
        let last = 0;
        const result = await syncProvider(database.prisma, {
          providerId,
          trigger: "manual",
          batchSize: batch,
          onProgress: async (seen, total) => {
            if (seen - last >= 20_000) {
              last = seen;
              log(`  ${label}: ${seen.toLocaleString("en")}/${(total ?? 0).toLocaleString("en")} · RSS ${mb(process.memoryUsage().rss)}`);
            }
          },
        });
        const ms = performance.now() - started;
        clearInterval(sampler);
        if (result.status !== "succeeded") throw new Error(`${label} failed: ${"error" in result ? result.error : result.status}`);
        return { ms, base, peak, result };
      };
      const first = await measure("first sync");
      const again = await measure("re-sync");
      const count = await database.prisma.credential.count({ where: { providerId } });
      const rate = (ms: number) => `${Math.round(pats / (ms / 1000)).toLocaleString("en")}/s`;
      const lines = [
        "",
        `| run | time | rate | × INSERT floor | RSS before → peak (growth) | written |`,
        `|---|---|---|---|---|---|`,
        `| PostgreSQL multi-row INSERT (floor) | ${(floorMs / 1000).toFixed(1)} s | ${rate(floorMs)} | 1.00× | — | ${pats.toLocaleString("en")} rows |`,
        `| first sync (fetch, parse, upsert, score, audit) | ${(first.ms / 1000).toFixed(1)} s | ${rate(first.ms)} | ${(first.ms / floorMs).toFixed(2)}× | ${mb(first.base)} → ${mb(first.peak)} (+${mb(first.peak - first.base)}) | ${first.result.created.toLocaleString("en")} created |`,
        `| re-sync, nothing changed | ${(again.ms / 1000).toFixed(1)} s | ${rate(again.ms)} | ${(again.ms / floorMs).toFixed(2)}× | ${mb(again.base)} → ${mb(again.peak)} (+${mb(again.peak - again.base)}) | ${again.result.unchanged.toLocaleString("en")} unchanged, ${again.result.created} created |`,
        "",
        `credentials in the database for the provider: ${count.toLocaleString("en")}`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    } finally {
      await database.close();
    }
  } finally {
    peer.stop();
    if (!keep) await dropDatabase(name).catch((e: unknown) => log(`could not drop ${name}: ${(e as Error).message}`));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:sync failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

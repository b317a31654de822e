/**
 * Audit append benchmark: `npm run bench:audit -- [--events N] [--writers N]` (PostgreSQL only).
 *
 * On a fresh, migrated database on the local PostgreSQL server, appends N events through
 * `appendAuditEvent` — unsigned, signed every 100 and signed every event — and compares each with a
 * plain INSERT of a comparable row (same columns, jsonb summary, one transaction per row through the
 * same Prisma client). Figures are ratios against that PostgreSQL baseline, so they say what the
 * chain (advisory lock, head read, SHA-256, Ed25519) costs on top of the database, not how fast this
 * machine is. Sequential first, then --writers concurrent writers, where the chain lock serialises
 * appends while plain INSERTs run in parallel. Modes are interleaved in chunks so drift (other load,
 * autovacuum) is shared; each commit waits for WAL flush, as in production. About a minute at the
 * defaults.
 */
import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { openDatabase } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const EVENTS = arg("events", 1_000);
/** Modes are interleaved in chunks of this size, so a neighbour's load (shared machine) hits all alike. */
const CHUNK = 50;
const WRITERS = arg("writers", 8);
const keys = generateKeyPairSync("ed25519");
const signer = { keyId: "bench", privateKey: keys.privateKey };
const MODES: { label: string; signing: TAuditSigning }[] = [
  { label: "append, unsigned", signing: { signer: null, verifyKeys: [], every: 100 } },
  { label: "append, signed every 100", signing: { signer, verifyKeys: [], every: 100 } },
  { label: "append, signed every event", signing: { signer, verifyKeys: [], every: 1 } },
];

const summary = (i: number) => ({ before: { role: "owner" }, after: { role: "auditor" }, email: `user${i}@bench.local` });

async function plainInsert(prisma: PrismaClient, i: number) {
  // The same work a database does for one audit row, minus the chain: one transaction, one INSERT.
  await prisma.$transaction(async (tx) => {
    const hash = computeAuditHash({ seq: BigInt(i), time: new Date(), actorId: null, actorLabel: "system", action: "bench.event", targetType: "thing", targetId: String(i), summary: summary(i), prevHash: GENESIS_HASH });
    await tx.$executeRaw`INSERT INTO bench_plain (time, actor_label, action, target_type, target_id, summary, prev_hash, hash)
      VALUES (now(), 'system', 'bench.event', 'thing', ${String(i)}, ${JSON.stringify(summary(i))}::jsonb, ${GENESIS_HASH}, ${hash})`;
  });
}

async function timed(total: number, writers: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < total) await one(next++);
  }));
  return performance.now() - start;
}

async function main() {
  if (!(await isPostgresReachable())) throw new Error("bench:audit needs PostgreSQL (TEST_POSTGRES_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres)");
  const name = `tw_bench_audit_${process.pid}`;
  await createDatabase(name);
  const url = databaseUrl(name);
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    migrateDeploy({ DATABASE_URL: url });
    database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
    const prisma = database.prisma;
    await prisma.$executeRawUnsafe(`CREATE TABLE bench_plain (seq BIGSERIAL PRIMARY KEY, time TIMESTAMPTZ NOT NULL, actor_label TEXT NOT NULL, action TEXT NOT NULL,
      target_type TEXT NOT NULL, target_id TEXT, summary JSONB NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)`);

    const rows: { label: string; writers: number; ms: number; baseline: number }[] = [];
    const append = (signing: TAuditSigning) => (i: number) =>
      prisma.$transaction((tx) => appendAuditEvent(tx, null, { action: "bench.event", targetType: "thing", targetId: String(i), summary: summary(i) }, { signing }));
    const runs = [{ label: "plain INSERT (PostgreSQL baseline)", one: (i: number) => plainInsert(prisma, i) }, ...MODES.map((m) => ({ label: m.label, one: append(m.signing) }))];
    for (const writers of [1, WRITERS]) {
      for (const r of runs) await timed(20, writers, r.one); // warm-up: connections, plans
      const totals = runs.map(() => 0);
      for (let done = 0; done < EVENTS; done += CHUNK) {
        for (const [k, r] of runs.entries()) totals[k]! += await timed(Math.min(CHUNK, EVENTS - done), writers, r.one);
      }
      for (const [k, r] of runs.entries()) rows.push({ label: r.label, writers, ms: totals[k]!, baseline: totals[0]! });
    }
    const checkpoints = await prisma.auditCheckpoint.count();

    const pad = (s: string, n: number) => s.padEnd(n);
    process.stdout.write(`\nbench:audit — ${EVENTS} events per row, PostgreSQL ${(await prisma.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version}\n\n`);
    process.stdout.write(`${pad("mode", 36)}${pad("writers", 9)}${pad("events/s", 11)}${pad("ms/event", 10)}× plain INSERT\n`);
    for (const r of rows) {
      process.stdout.write(`${pad(r.label, 36)}${pad(String(r.writers), 9)}${pad(Math.round((EVENTS / r.ms) * 1000).toLocaleString("en"), 11)}${pad((r.ms / EVENTS).toFixed(3), 10)}${(r.ms / r.baseline).toFixed(2)}×\n`);
    }
    process.stdout.write(`\n${checkpoints} checkpoints written. Ratios > 1 are the chain's cost over PostgreSQL's own insert; with several writers the chain lock serialises appends.\n`);
  } finally {
    await database?.close();
    await dropDatabase(name);
  }
}

await main();

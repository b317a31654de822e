import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireDataDirLock } from "@/lib/db/data-dir-lock.mjs";
import { prismaReader, type TSqlReader } from "@/lib/db/sql-reader";
import { logger } from "@/lib/logging/logger";

/**
 * Opens Tokenward's database: PostgreSQL when a URL is given, otherwise the embedded PGlite in a
 * data dir guarded by an exclusive lock (PGlite has none of its own; two processes would corrupt it).
 * Used by the app (lib/db/client.ts), scripts and tests alike.
 */

export type TDatabase = {
  prisma: PrismaClient;
  /** Hot-path reads on the driver (lib/db/sql-reader.ts). */
  read: TSqlReader;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export type TDatabaseConfig = {
  DATABASE_URL?: string;
  TOKENWARD_DATA_DIR: string;
  /** statement_timeout of every connection (ms; 0 or absent = none). The app passes TOKENWARD_STATEMENT_TIMEOUT_MS. */
  statementTimeoutMs?: number;
  /** No parallel query plans (PostgreSQL): set for the app's request connections. */
  serialPlans?: boolean;
};

// PGlite runs one transaction at a time: let callers queue rather than fail fast.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

export function resolveDataDir(dataDir: string): string {
  return path.resolve(process.cwd(), dataDir);
}

export async function openDatabase(config: TDatabaseConfig): Promise<TDatabase> {
  if (config.DATABASE_URL) {
    // One pool for both: Prisma's adapter and the hot-path reads share its connections.
    // Set at connection start-up (a startup parameter), so no connection ever runs without it.
    const options = [
      config.statementTimeoutMs ? `-c statement_timeout=${Math.trunc(config.statementTimeoutMs)}` : "",
      // Request pages read ~50 rows: a parallel plan's worker start-up (30–70 ms measured at 1M rows
      // for a scope filter that matches nothing) dwarfs the query, and multiplies load under concurrency.
      config.serialPlans ? "-c max_parallel_workers_per_gather=0" : "",
    ].filter(Boolean);
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, ...(options.length ? { options: options.join(" ") } : {}) });
    // An idle connection the server closes (restart, failover, an admin's terminate) is an 'error'
    // event on the pool: unheard, it would crash the process. The pool replaces the connection.
    pool.on("error", (error: Error & { code?: string }) => logger.warn("idle database connection lost", { code: error.code, message: error.message }));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
    const read: TSqlReader = async <T>(text: string, values: readonly unknown[]) => (await pool.query(text, values as unknown[])).rows as T[];
    return {
      prisma,
      read,
      kind: "postgres",
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const dir = resolveDataDir(config.TOKENWARD_DATA_DIR);
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const pglite = new PGlite(dir);
    await pglite.waitReady;
    // Accepted but not enforced: PGlite (WASM) has no timer signal to cancel a running statement.
    if (config.statementTimeoutMs) await pglite.exec(`SET statement_timeout = ${Math.trunc(config.statementTimeoutMs)}`);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
    return {
      prisma,
      // One connection: reads queue behind Prisma's transactions, so they go through Prisma too.
      read: prismaReader(prisma),
      kind: "pglite",
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

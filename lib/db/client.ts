import "server-only";
import { openDatabase, type TDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";

/**
 * One lazily created client per process. Never opened at module load: `next build` imports route
 * modules and must not touch the database. Kept on globalThis so dev-mode module reloads reuse it
 * (a second PGlite instance on the same data dir would be refused by the lock).
 */

const holder = globalThis as unknown as { __tokenwardDb?: Promise<TDatabase> };

export async function getDatabase(): Promise<TDatabase> {
  holder.__tokenwardDb ??= openDatabase({ ...env(), statementTimeoutMs: env().TOKENWARD_STATEMENT_TIMEOUT_MS, serialPlans: true }).catch((error: unknown) => {
    holder.__tokenwardDb = undefined;
    throw error;
  });
  return holder.__tokenwardDb;
}

/** The hot-path reader (lib/db/sql-reader.ts) of the process's database. */
export async function sqlReader() {
  return (await getDatabase()).read;
}

export async function db() {
  return (await getDatabase()).prisma;
}

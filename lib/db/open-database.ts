import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireDataDirLock } from "@/lib/db/data-dir-lock.mjs";

/**
 * Opens Tokenward's database: PostgreSQL when a URL is given, otherwise the embedded PGlite in a
 * data dir guarded by an exclusive lock (PGlite has none of its own; two processes would corrupt it).
 * Used by the app (lib/db/client.ts), scripts and tests alike.
 */

export type TDatabase = {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export type TDatabaseConfig = { DATABASE_URL?: string; TOKENWARD_DATA_DIR: string };

// PGlite runs one transaction at a time: let callers queue rather than fail fast.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

export function resolveDataDir(dataDir: string): string {
  return path.resolve(process.cwd(), dataDir);
}

export async function openDatabase(config: TDatabaseConfig): Promise<TDatabase> {
  if (config.DATABASE_URL) {
    const adapter = new PrismaPg({ connectionString: config.DATABASE_URL });
    const prisma = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
  }

  const dir = resolveDataDir(config.TOKENWARD_DATA_DIR);
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const pglite = new PGlite(dir);
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
    return {
      prisma,
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

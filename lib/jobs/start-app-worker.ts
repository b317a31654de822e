import "server-only";
import { getDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { startWorker, type TWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logging/logger";

/**
 * Starts the in-process worker of the app (instrumentation.ts) when TOKENWARD_WORKER=inline. Kept on
 * globalThis so dev-mode reloads do not start a second one.
 */
const holder = globalThis as unknown as { __tokenwardWorker?: TWorker };

export async function startAppWorker(): Promise<void> {
  if (holder.__tokenwardWorker || env().TOKENWARD_WORKER !== "inline") return;
  // Jobs (a full risk recompute, its VACUUM) legitimately run long: on PostgreSQL the worker gets its
  // own pool without the request statement timeout. PGlite has one connection (and cannot enforce it).
  const e = env();
  const { prisma } = e.DATABASE_URL ? await openDatabase({ DATABASE_URL: e.DATABASE_URL, TOKENWARD_DATA_DIR: e.TOKENWARD_DATA_DIR }) : await getDatabase();
  holder.__tokenwardWorker = startWorker(prisma);
  logger.info("job worker started", { workerId: holder.__tokenwardWorker.id });
}

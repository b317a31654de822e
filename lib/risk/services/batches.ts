import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadScoringInputs, parseScoringRows, scoringInputsParams, scoringInputsSql, type TScoringInput } from "@/lib/risk/services/load-scoring-inputs";

/**
 * Reads the scoring inputs of every credential, batch by batch, for the full recompute and the
 * policy preview. Two strategies, chosen by the database:
 *
 * - PostgreSQL, "stream": the loading statement runs ONCE over the whole table (hash aggregates,
 *   sequential scans) behind a cursor, and batches are fetched from it; the caller works on a batch
 *   (scoring, writes on other pool connections) while the next one is fetched. One pass, one plan.
 * - PGlite, "ranges": PGlite has a single connection, so a cursor held for the whole pass would stall
 *   every other request. Instead, batches of consecutive ids are loaded by short statements (index
 *   range scans), and other requests run between them.
 */

export const BATCH_SIZE = 5_000;
/** Long enough for a full pass over millions of rows; the job's lease is renewed meanwhile. */
const STREAM_TIMEOUT_MS = 6 * 60 * 60_000;

export type TBatch = { inputs: TScoringInput[] };
export type TScanOptions = { now: number; usageWindowDays: number; batchSize?: number; strategy?: "stream" | "ranges" };

export async function isEmbeddedDatabase(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRawUnsafe<{ embedded: boolean }[]>(`SELECT version() LIKE '%PGlite%' AS embedded`);
  return row?.embedded ?? false;
}

async function streamAll(prisma: PrismaClient, options: TScanOptions, onBatch: (batch: TBatch) => Promise<void>): Promise<void> {
  const size = options.batchSize ?? BATCH_SIZE;
  const since = new Date(options.now - options.usageWindowDays * 86_400_000);
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DECLARE risk_scan NO SCROLL CURSOR FOR ${scoringInputsSql({ kind: "all" })}`, ...scoringInputsParams({ kind: "all" }, since));
      const fetch = () => tx.$queryRawUnsafe<{ j: string }[]>(`FETCH ${size} FROM risk_scan`);
      let next = fetch();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        // The database produces the next batch while this one is parsed, scored and written.
        next = fetch();
        next.catch(() => {});
        await onBatch({ inputs: parseScoringRows(rows, options.now, options.usageWindowDays) });
      }
      await tx.$executeRawUnsafe(`CLOSE risk_scan`);
    },
    { timeout: STREAM_TIMEOUT_MS },
  );
}

async function nextRange(prisma: PrismaClient, after: string | null, size: number): Promise<{ from: string; to: string } | null> {
  const ids = await prisma.$queryRawUnsafe<{ id: string }[]>(
    after === null
      ? `SELECT id::text AS id FROM credentials ORDER BY id LIMIT $1`
      : `SELECT id::text AS id FROM credentials WHERE id > $2::uuid ORDER BY id LIMIT $1`,
    ...(after === null ? [size] : [size, after]),
  );
  return ids.length === 0 ? null : { from: ids[0]!.id, to: ids[ids.length - 1]!.id };
}

async function ranges(prisma: PrismaClient, options: TScanOptions, onBatch: (batch: TBatch) => Promise<void>): Promise<void> {
  const size = options.batchSize ?? BATCH_SIZE;
  let after: string | null = null;
  for (;;) {
    const range = await nextRange(prisma, after, size);
    if (!range) return;
    after = range.to;
    await onBatch({ inputs: await loadScoringInputs(prisma, { kind: "range", ...range }, options.now, options.usageWindowDays) });
  }
}

/** Calls `onBatch` for every credential's inputs, batch by batch, in no particular order. */
export async function scanCredentials(prisma: PrismaClient, options: TScanOptions, onBatch: (batch: TBatch) => Promise<void>): Promise<void> {
  const strategy = options.strategy ?? ((await isEmbeddedDatabase(prisma)) ? "ranges" : "stream");
  return strategy === "stream" ? streamAll(prisma, options, onBatch) : ranges(prisma, options, onBatch);
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scoreCredential } from "@/lib/risk/score-credential";
import { loadActivePolicy, type TActivePolicy } from "@/lib/risk/services/active-policy";
import { scanCredentials } from "@/lib/risk/services/batches";
import { writeDailyCounts } from "@/lib/risk/services/daily-counts";
import { needsWrite, writeResults, type TWrite } from "@/lib/risk/services/write-results";

/**
 * Full recompute: every credential, scored with the active policy, in id-ordered batches. Only rows
 * whose result changed are written (a rerun over unchanged data writes nothing but the day's
 * counts). If the policy changes while it runs, it starts over with the new version, so a finished
 * run always reflects the policy in force when it finished.
 */

export type TRecomputeAllResult = {
  policyVersion: number;
  scanned: number;
  written: number;
  /** Rows not written because an incremental recompute wrote a fresher result meanwhile. */
  skippedConcurrent: number;
  restarts: number;
  durationMs: number;
};

export type TRecomputeAllOptions = {
  batchSize?: number;
  now?: () => Date;
  onProgress?: (done: number, total: number, note: string) => Promise<void>;
  /** Safety valve for restarts on policy change (an admin saving over and over). */
  maxRestarts?: number;
  /** How to read (lib/risk/services/batches.ts); chosen by the database when not given. */
  strategy?: "stream" | "ranges";
};

/** Writes in flight at once: each is one statement on its own pool connection. */
const WRITES_IN_FLIGHT = 2;

async function onePass(prisma: PrismaClient, active: TActivePolicy, total: number, options: TRecomputeAllOptions, now: Date) {
  let scanned = 0;
  let written = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const scan = { now: now.getTime(), usageWindowDays: active.policy.usageWindowDays, batchSize: options.batchSize, strategy: options.strategy };
  await scanCredentials(prisma, scan, async (batch) => {
    const writes: TWrite[] = [];
    for (const input of batch.inputs) {
      const result = scoreCredential(input.credential, input.context, active.policy);
      if (needsWrite(input.stored, input, result)) writes.push({ input, result });
    }
    while (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
    scanned += batch.inputs.length;
    if (writes.length > 0) {
      const write: Promise<void> = writeResults(prisma, writes, { scoredAt: now, policyVersion: active.version, guard: "scored-at" }).then((ids) => {
        written += ids.length;
        skipped += writes.length - ids.length;
      });
      const tracked = write.finally(() => pending.delete(tracked));
      // A failed write rejects `tracked`, awaited below or by the race above; never reported as unhandled.
      tracked.catch(() => {});
      pending.add(tracked);
    }
    await options.onProgress?.(scanned, Math.max(total, scanned), `Scoring with policy v${active.version}`);
  });
  await Promise.all([...pending]);
  return { scanned, written, skipped };
}

/** Above this share of rows rewritten, the recompute vacuums and analyzes the risk table itself. */
const MASS_WRITE_SHARE = 0.1;

/**
 * A pass that rewrote a large share of credential_risks leaves as many dead row versions and stale
 * planner statistics (a first scoring doubles the table). Autovacuum gets there eventually; until
 * it does, the inventory's risk-ordered pages walk the dead entries too. The job does it now: on a
 * narrow table it is a few seconds per million rows, in the background.
 */
async function tidyAfterMassWrite(prisma: PrismaClient, written: number, scanned: number): Promise<void> {
  if (written === 0 || written < scanned * MASS_WRITE_SHARE) return;
  await prisma.$executeRawUnsafe("VACUUM (ANALYZE) credential_risks");
}

export async function recomputeAll(prisma: PrismaClient, options: TRecomputeAllOptions = {}): Promise<TRecomputeAllResult> {
  const clock = options.now ?? (() => new Date());
  const started = performance.now();
  const maxRestarts = options.maxRestarts ?? 3;
  let restarts = 0;
  for (;;) {
    const active = await loadActivePolicy(prisma);
    const total = await prisma.credential.count();
    const now = clock();
    await options.onProgress?.(0, total, `Scoring with policy v${active.version}`);
    const pass = await onePass(prisma, active, total, options, now);
    const current = await loadActivePolicy(prisma);
    if (current.version !== active.version && restarts < maxRestarts) {
      restarts++;
      await options.onProgress?.(0, total, `Policy changed to v${current.version} during the run: starting over`);
      continue;
    }
    await writeDailyCounts(prisma, now);
    await tidyAfterMassWrite(prisma, pass.written, pass.scanned);
    return {
      policyVersion: active.version,
      scanned: pass.scanned,
      written: pass.written,
      skippedConcurrent: pass.skipped,
      restarts,
      durationMs: Math.round(performance.now() - started),
    };
  }
}

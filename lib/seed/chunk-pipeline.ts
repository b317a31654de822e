import { buildBindings } from "@/lib/seed/build-bindings";
import { planCredential, type TCredentialPlan } from "@/lib/seed/build-credentials";
import { buildExposures, buildUnmatchedExposure, UNMATCHED_EXPOSURE_SHARE } from "@/lib/seed/build-exposures";
import { buildUsage, type TServerPools } from "@/lib/seed/build-usage";
import { insertRows, type TSqlExecutor, type TTableSpec } from "@/lib/seed/bulk-insert";
import type { TCredentialContext } from "@/lib/seed/credential-context";
import type { TRng } from "@/lib/seed/prng";
import * as T from "@/lib/seed/table-specs";
import type { TBindingRow, TExposureRow, TUsageEventRow } from "@/lib/seed/world-types";

/**
 * Credentials are generated and written in chunks, so memory stays flat at 1M rows. Generation
 * yields to the event loop now and then: while it runs, the previous chunk's INSERTs proceed on
 * PostgreSQL (a separate process), overlapping client CPU with server work. PGlite runs in this
 * thread, so there it simply runs one after the other.
 */

export const CHUNK = 2_000;
const YIELD_EVERY = 200;

export type TChunk = {
  plans: TCredentialPlan[];
  bindings: TBindingRow[];
  exposures: TExposureRow[];
  events: TUsageEventRow[];
  tracedCredentials: number;
  passthroughTraces: number;
};

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function generateChunk(
  rng: TRng, ctx: TCredentialContext, pools: TServerPools, first: TCredentialPlan[], serial: number, size: number, tracedShare: number,
): Promise<TChunk> {
  const chunk: TChunk = { plans: [...first], bindings: [], exposures: [], events: [], tracedCredentials: 0, passthroughTraces: 0 };
  for (let i = 0; chunk.plans.length < size; i++) {
    chunk.plans.push(planCredential(rng, ctx, serial + i));
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
  }
  for (const [i, plan] of chunk.plans.entries()) {
    // Usage first: it moves last_used_at to the newest event, which the bindings then reuse.
    // Showcase credentials (plan.force) always get traces; the rest follow the traced share.
    if (rng.chance(tracedShare) || plan.force !== undefined) {
      const usage = buildUsage(rng, ctx, plan, pools);
      if (usage.events.length > 0) chunk.tracedCredentials++;
      chunk.passthroughTraces += usage.passthroughTraces;
      for (const e of usage.events) chunk.events.push(e);
    }
    const bindings = buildBindings(rng, plan);
    const exposures = buildExposures(rng, ctx.org.now, plan);
    plan.row.consumerCount = new Set(bindings.map((b) => b.holderIdentityId ?? b.holderMcpServerId)).size;
    plan.row.exposureCount = exposures.filter((e) => e.resolvedAt === null).length;
    for (const b of bindings) chunk.bindings.push(b);
    for (const e of exposures) chunk.exposures.push(e);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
  }
  const unmatched = Math.floor(chunk.plans.length * UNMATCHED_EXPOSURE_SHARE + rng.next());
  for (let i = 0; i < unmatched; i++) chunk.exposures.push(buildUnmatchedExposure(rng, ctx.org.now));
  return chunk;
}

/** Parents before children; usage events may reference the servers' credentials from chunk 0. */
export async function writeChunk(db: TSqlExecutor, chunk: TChunk, onRows: (n: number) => void): Promise<void> {
  const write = async <R>(spec: TTableSpec<R>, rows: readonly R[]) => onRows(await insertRows(db, spec, rows));
  await write(T.CREDENTIALS, chunk.plans.map((p) => p.row));
  await write(T.BINDINGS, chunk.bindings);
  await write(T.EXPOSURES, chunk.exposures);
  await write(T.USAGE_EVENTS, chunk.events);
}

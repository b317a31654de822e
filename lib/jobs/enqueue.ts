import type { TTx } from "@/lib/server/execute";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JOB_REGISTRY, type TJobRegistry } from "@/lib/jobs/registry";

/**
 * Enqueues a job by stable id. A duplicate enqueue is harmless: while a job with the id is queued or
 * running nothing changes. `requeue: "if-finished"` makes a finished job (succeeded, failed,
 * cancelled) run again — optionally only if it finished before `finishedBefore` (a cron slot), so N
 * app instances ticking the same slot start it once.
 */

export type TEnqueueInput = {
  type: string;
  id?: string;
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  requeue?: "never" | "if-finished";
  finishedBefore?: Date;
  /** The enqueue time (defaults to the clock); runAt defaults to it. */
  now?: Date;
};

export type TEnqueueResult = { id: string; enqueued: boolean };

type TSql = Pick<PrismaClient, "$queryRawUnsafe"> | Pick<TTx, "$queryRawUnsafe">;

export async function enqueueJob(db: TSql, input: TEnqueueInput, registry: TJobRegistry = JOB_REGISTRY): Promise<TEnqueueResult> {
  const def = registry.get(input.type);
  if (!def) throw new Error(`enqueueJob: unknown job type ${input.type}`);
  const payload = def.payload.parse(input.payload ?? {});
  const id = input.id ?? def.stableId?.(payload as never);
  if (!id) throw new Error(`enqueueJob: job type ${input.type} has no stable id; pass one`);
  const now = input.now ?? new Date();
  const runAt = input.runAt ?? now;
  const maxAttempts = input.maxAttempts ?? def.maxAttempts ?? 3;
  const requeue = input.requeue === "if-finished";
  const onConflict = requeue
    ? `ON CONFLICT (id) DO UPDATE SET status = 'queued', payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, attempts = 0,
         max_attempts = EXCLUDED.max_attempts, progress_done = 0, progress_total = NULL, progress_note = NULL, result = NULL,
         last_error = NULL, locked_by = NULL, locked_at = NULL, started_at = NULL, finished_at = NULL, updated_at = EXCLUDED.updated_at
       WHERE jobs.status IN ('succeeded', 'failed', 'cancelled') AND ($7::timestamp(3) IS NULL OR jobs.finished_at < $7::timestamp(3))`
    : "ON CONFLICT (id) DO NOTHING";
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO jobs (id, type, payload, status, run_at, max_attempts, attempts, progress_done, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, 'queued', $4::timestamp(3), $5, 0, 0, $6::timestamp(3), $6::timestamp(3))
     ${onConflict}
     RETURNING id`,
    ...[id, input.type, JSON.stringify(payload), runAt.toISOString(), maxAttempts, now.toISOString()],
    // Only the requeue form has a 7th placeholder: PostgreSQL refuses surplus parameters.
    ...(requeue ? [input.finishedBefore?.toISOString() ?? null] : []),
  );
  return { id, enqueued: rows.length > 0 };
}

/**
 * Many jobs of one type at once (a bulk revocation's thousands of workflows), in one multi-row
 * INSERT per chunk. Ids that are already queued or running are left alone, as with `enqueueJob`.
 */
export async function enqueueMany(db: TSql, type: string, payloads: unknown[], options: { now?: Date; maxAttempts?: number; requeue?: "never" | "if-finished" } = {}, registry: TJobRegistry = JOB_REGISTRY): Promise<number> {
  const def = registry.get(type);
  if (!def?.stableId) throw new Error(`enqueueMany: job type ${type} needs a stable id`);
  const now = (options.now ?? new Date()).toISOString();
  const maxAttempts = options.maxAttempts ?? def.maxAttempts ?? 3;
  let enqueued = 0;
  for (let offset = 0; offset < payloads.length; offset += 1000) {
    const chunk = payloads.slice(offset, offset + 1000).map((p) => def.payload.parse(p));
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO jobs (id, type, payload, status, run_at, max_attempts, attempts, progress_done, created_at, updated_at)
       SELECT t.id, $2, t.payload::jsonb, 'queued', $3::timestamp(3), $4, 0, 0, $3::timestamp(3), $3::timestamp(3)
         FROM unnest($1::text[], $5::text[]) AS t(id, payload)
       ${options.requeue === "if-finished"
         ? `ON CONFLICT (id) DO UPDATE SET status = 'queued', payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, attempts = 0, max_attempts = EXCLUDED.max_attempts,
              progress_done = 0, progress_total = NULL, progress_note = NULL, result = NULL, last_error = NULL, locked_by = NULL, locked_at = NULL,
              started_at = NULL, finished_at = NULL, updated_at = EXCLUDED.updated_at
            WHERE jobs.status IN ('succeeded', 'failed', 'cancelled')`
         : "ON CONFLICT (id) DO NOTHING"}
       RETURNING id`,
      chunk.map((p) => def.stableId!(p as never)),
      type,
      now,
      maxAttempts,
      chunk.map((p) => JSON.stringify(p)),
    );
    enqueued += rows.length;
  }
  return enqueued;
}

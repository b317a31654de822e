import { JobLeaseLostError, type TJobDefinition } from "@/lib/jobs/define-job";
import { JOB_COLUMNS, type TJobRow } from "@/lib/jobs/job-row";
import { JOB_REGISTRY, type TJobRegistry } from "@/lib/jobs/registry";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logging/logger";

/**
 * The durable runner. State lives in the jobs table, so any number of workers (app instances or
 * dedicated processes) can run side by side:
 * - claim: due queued jobs, and running jobs whose lease expired (their worker crashed), are taken
 *   with FOR UPDATE SKIP LOCKED — two workers never claim the same row;
 * - the lease is renewed on every progress update; a worker that lost its lease stops;
 * - failure: retried with exponential backoff until maxAttempts, then `failed` with lastError;
 * - completion and failure are written only by the worker holding the lock.
 * Times are passed from Node (UTC), never taken from the database clock, so timestamp columns
 * stay in Prisma's UTC convention whatever the server's time zone.
 */

export type TRunnerOptions = {
  workerId: string;
  registry?: TJobRegistry;
  /** A running job whose lock is older than this is considered abandoned. */
  leaseMs?: number;
  /** First retry delay; doubles per attempt, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  now?: () => Date;
  /** The worker's stop signal, handed to each job (TJobContext.signal). */
  signal?: AbortSignal;
};

export const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2_000;

export function backoffDelay(attempt: number, baseMs = 10_000, maxMs = 15 * 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

type TClaimed = TJobRow & { previousStatus: string };

export async function claimJobs(prisma: PrismaClient, options: TRunnerOptions, limit = 1): Promise<TClaimed[]> {
  const registry = options.registry ?? JOB_REGISTRY;
  const now = (options.now ?? (() => new Date()))();
  const expiredBefore = new Date(now.getTime() - (options.leaseMs ?? DEFAULT_LEASE_MS));
  return prisma.$queryRawUnsafe<TClaimed[]>(
    `UPDATE jobs j SET status = 'running', locked_by = $1, locked_at = $2::timestamp(3), attempts = j.attempts + 1,
            started_at = $2::timestamp(3), finished_at = NULL, updated_at = $2::timestamp(3)
       FROM (SELECT id, status FROM jobs
              WHERE type = ANY($3::text[])
                AND ((status = 'queued' AND run_at <= $2::timestamp(3)) OR (status = 'running' AND locked_at < $4::timestamp(3)))
              ORDER BY run_at, id
              LIMIT $5
              FOR UPDATE SKIP LOCKED) c
      WHERE j.id = c.id
      RETURNING ${JOB_COLUMNS}, c.status::text AS "previousStatus"`,
    options.workerId, now.toISOString(), [...registry.keys()], expiredBefore.toISOString(), limit,
  );
}

async function finish(prisma: PrismaClient, job: TJobRow, options: TRunnerOptions, result: unknown): Promise<void> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  await prisma.$executeRawUnsafe(
    `UPDATE jobs SET status = 'succeeded', result = $3::jsonb, finished_at = $4::timestamp(3), locked_by = NULL, locked_at = NULL, updated_at = $4::timestamp(3)
      WHERE id = $1 AND locked_by = $2`,
    job.id, options.workerId, JSON.stringify(result ?? null), now,
  );
}

/**
 * What the job row keeps (and every role's progress panel shows): an AppError's message, which is
 * written to be shown, or a generic line. A raw error can carry a provider's response, a SQL
 * fragment or a connection string; its detail goes to the server log only, under the job's id.
 */
function safeErrorText(error: unknown, job: TJobRow): string {
  const text = isAppError(error) ? error.message : `Unexpected error in ${job.type} (attempt ${job.attempts}); the details are in the server log under job ${job.id}.`;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

async function fail(prisma: PrismaClient, job: TJobRow, options: TRunnerOptions, message: string): Promise<"retry" | "failed"> {
  const now = (options.now ?? (() => new Date()))();
  if (job.attempts < job.maxAttempts) {
    const runAt = new Date(now.getTime() + backoffDelay(job.attempts, options.backoffMs, options.maxBackoffMs));
    await prisma.$executeRawUnsafe(
      `UPDATE jobs SET status = 'queued', run_at = $3::timestamp(3), last_error = $4, locked_by = NULL, locked_at = NULL, updated_at = $5::timestamp(3)
        WHERE id = $1 AND locked_by = $2`,
      job.id, options.workerId, runAt.toISOString(), message, now.toISOString(),
    );
    return "retry";
  }
  await prisma.$executeRawUnsafe(
    `UPDATE jobs SET status = 'failed', last_error = $3, finished_at = $4::timestamp(3), locked_by = NULL, locked_at = NULL, updated_at = $4::timestamp(3)
      WHERE id = $1 AND locked_by = $2`,
    job.id, options.workerId, message, now.toISOString(),
  );
  return "failed";
}

export type TRunOutcome = { id: string; type: string; outcome: "succeeded" | "retry" | "failed" | "lease-lost" };

async function runClaimed(prisma: PrismaClient, job: TClaimed, options: TRunnerOptions): Promise<TRunOutcome> {
  const registry = options.registry ?? JOB_REGISTRY;
  const def = registry.get(job.type) as TJobDefinition | undefined;
  const base = { id: job.id, type: job.type };
  if (job.previousStatus === "running" && job.attempts > job.maxAttempts) {
    return { ...base, outcome: await fail(prisma, job, options, `worker lost: its lease expired after ${job.maxAttempts} attempts`) };
  }
  if (!def) return { ...base, outcome: await fail(prisma, job, options, `no handler registered for job type ${job.type}`) };
  const parsed = def.payload.safeParse(job.payload);
  if (!parsed.success) {
    // A payload that does not parse will never parse: fail without retrying.
    await prisma.$executeRawUnsafe(`UPDATE jobs SET max_attempts = attempts WHERE id = $1`, job.id);
    return { ...base, outcome: await fail(prisma, { ...job, maxAttempts: job.attempts }, options, `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`) };
  }
  const progress = async (done: number, total?: number | null, note?: string | null) => {
    const now = (options.now ?? (() => new Date()))().toISOString();
    const updated = await prisma.$executeRawUnsafe(
      `UPDATE jobs SET progress_done = $3, progress_total = $4, progress_note = $5, locked_at = $6::timestamp(3), updated_at = $6::timestamp(3)
        WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
      job.id, options.workerId, Math.max(0, Math.round(done)), total ?? null, note ?? null, now,
    );
    if (updated === 0) throw new JobLeaseLostError(job.id);
  };
  try {
    const result = await def.handler(parsed.data, { prisma, jobId: job.id, attempt: job.attempts, progress, signal: options.signal });
    await finish(prisma, job, options, result);
    return { ...base, outcome: "succeeded" };
  } catch (error) {
    if (error instanceof JobLeaseLostError) {
      logger.warn("job lease lost", { jobId: job.id, type: job.type });
      return { ...base, outcome: "lease-lost" };
    }
    logger.error("job failed", { jobId: job.id, type: job.type, attempt: job.attempts, error });
    return { ...base, outcome: await fail(prisma, job, options, safeErrorText(error, job)) };
  }
}

/** Claims and runs at most one due job. Returns what happened, or null when nothing was due. */
export async function runNextJob(prisma: PrismaClient, options: TRunnerOptions): Promise<TRunOutcome | null> {
  const [job] = await claimJobs(prisma, options, 1);
  return job ? runClaimed(prisma, job, options) : null;
}

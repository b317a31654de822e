import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One kind of background job. Listed once in lib/jobs/registry.ts; the runner validates payloads
 * with `payload`, calls `handler`, and stores progress and result for the UI.
 */

export type TJobProgress = (done: number, total?: number | null, note?: string | null) => Promise<void>;

export type TJobContext = {
  prisma: PrismaClient;
  jobId: string;
  attempt: number;
  /** Stores progress and renews the lease; throws JobLeaseLostError if another worker took the job over. */
  progress: TJobProgress;
  /** Aborted when the worker is asked to stop (SIGTERM): a long job ends at its next safe point. */
  signal?: AbortSignal;
};

export type TJobDefinition<TSchema extends z.ZodType = z.ZodType> = {
  type: string;
  payload: TSchema;
  /** The id a job of this type gets when enqueued without one: one logical job, enqueued many times. */
  stableId?: (payload: z.output<TSchema>) => string;
  /** A UTC cron schedule (lib/jobs/cron.ts) with the payload to enqueue at each slot. */
  cron?: { schedule: string; payload: z.input<TSchema> };
  /**
   * Schedules kept in data (one per provider, say): each entry is enqueued at its cron slots under
   * its own id, like `cron`. Read by the worker at most once a minute.
   */
  schedules?: (prisma: PrismaClient) => Promise<{ id: string; schedule: string; payload: z.input<TSchema> }[]>;
  maxAttempts?: number;
  /** Returns the JSON result stored on the job. */
  handler: (payload: z.output<TSchema>, ctx: TJobContext) => Promise<unknown>;
};

export function defineJob<TSchema extends z.ZodType>(def: TJobDefinition<TSchema>): TJobDefinition<TSchema> {
  return def;
}

export class JobLeaseLostError extends Error {
  override name = "JobLeaseLostError";
  constructor(jobId: string) {
    super(`job ${jobId}: the lease was lost (another worker took it over, or it was cancelled)`);
  }
}

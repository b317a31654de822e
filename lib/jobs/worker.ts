import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { parseCron, previousSlot } from "@/lib/jobs/cron";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TJobDefinition } from "@/lib/jobs/define-job";
import { JOB_REGISTRY, type TJobRegistry } from "@/lib/jobs/registry";
import { runNextJob, type TRunnerOptions } from "@/lib/jobs/runner";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * A polling worker: enqueues cron slots that are due, then runs due jobs one at a time until none
 * is left, then sleeps. Errors (database briefly unreachable) are logged and retried after a pause.
 */

export type TWorker = { id: string; stop: () => Promise<void> };

export type TWorkerOptions = Omit<TRunnerOptions, "workerId"> & { workerId?: string; pollMs?: number };

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export const SCHEDULES_REFRESH_MS = 60_000;
type TScheduleCache = Map<string, { readAt: number; entries: Awaited<ReturnType<NonNullable<TJobDefinition["schedules"]>>> }>;
const scheduleCaches = new WeakMap<Map<string, number>, TScheduleCache>();

/** Data-kept schedules (TJobDefinition.schedules): each entry's latest slot, under its own stable id. */
async function enqueueDueSchedules(prisma: PrismaClient, def: TJobDefinition, registry: TJobRegistry, seen: Map<string, number>, now: Date): Promise<void> {
  const cache = scheduleCaches.get(seen) ?? new Map();
  scheduleCaches.set(seen, cache);
  let cached = cache.get(def.type);
  if (!cached || now.getTime() - cached.readAt >= SCHEDULES_REFRESH_MS) {
    cached = { readAt: now.getTime(), entries: await def.schedules!(prisma) };
    cache.set(def.type, cached);
  }
  for (const entry of cached.entries) {
    let slot: Date | null;
    try {
      slot = previousSlot(parseCron(entry.schedule), now);
    } catch (error) {
      // Saved schedules are validated; one that no longer parses must not stop the others.
      logger.warn("job schedule does not parse", { type: def.type, id: entry.id, error });
      continue;
    }
    if (!slot || seen.get(entry.id) === slot.getTime()) continue;
    const payload = def.payload.parse(entry.payload);
    await enqueueJob(prisma, { type: def.type, id: entry.id, payload, requeue: "if-finished", finishedBefore: slot, now }, registry);
    seen.set(entry.id, slot.getTime());
  }
}

/** Enqueues the latest slot of each cron job, once per slot per process (the database dedupes across processes). */
export async function enqueueDueCronJobs(prisma: PrismaClient, registry: TJobRegistry, seen: Map<string, number>, now: Date): Promise<void> {
  for (const def of registry.values()) {
    if (def.schedules) await enqueueDueSchedules(prisma, def, registry, seen, now);
    if (!def.cron) continue;
    const slot = previousSlot(parseCron(def.cron.schedule), now);
    if (!slot || seen.get(def.type) === slot.getTime()) continue;
    const payload = def.payload.parse(def.cron.payload);
    const stable = def.stableId?.(payload as never);
    await enqueueJob(
      prisma,
      stable
        ? { type: def.type, id: stable, payload, requeue: "if-finished", finishedBefore: slot, now }
        : { type: def.type, id: `${def.type}@${slot.toISOString()}`, payload, now },
      registry,
    );
    seen.set(def.type, slot.getTime());
  }
}

export function startWorker(prisma: PrismaClient, options: TWorkerOptions = {}): TWorker {
  const id = options.workerId ?? newWorkerId();
  const registry = options.registry ?? JOB_REGISTRY;
  const pollMs = options.pollMs ?? 1_000;
  const seen = new Map<string, number>();
  // Stopping aborts this: the job in hand ends at its next safe point (a workflow between steps).
  const stopping = new AbortController();
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await enqueueDueCronJobs(prisma, registry, seen, (options.now ?? (() => new Date()))());
        const outcome = await runNextJob(prisma, { ...options, registry, workerId: id, signal: stopping.signal });
        failures = 0;
        if (!outcome) await sleep(pollMs);
      } catch (error) {
        failures++;
        logger.error("job worker error", { workerId: id, error });
        await sleep(Math.min(60_000, pollMs * 2 ** failures));
      }
    }
  })();

  return {
    id,
    stop: async () => {
      stopped = true;
      stopping.abort();
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { z } from "zod";
import { defineJob, type TJobDefinition } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { claimJobs, runNextJob } from "@/lib/jobs/runner";
import { enqueueDueCronJobs } from "@/lib/jobs/worker";
import { JOB_REGISTRY } from "@/lib/jobs/registry";
import { RECOMPUTE_ALL_JOB_ID } from "@/lib/risk/jobs";
import { openDatabase } from "@/lib/db/open-database";
import { AppError } from "@/lib/errors/app-error";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
const runs = new Map<string, number>();
let failuresLeft = 0;

const echo = defineJob({
  type: "test.echo",
  payload: z.object({ value: z.number() }),
  maxAttempts: 3,
  handler: async ({ value }, { jobId, progress }) => {
    runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
    await progress(1, 2, "half way");
    if (failuresLeft > 0) {
      failuresLeft--;
      throw value === 99 ? new AppError("CONFLICT", "The provider refused: credential already revoked.") : new Error(`boom ${value} postgresql://app:hunter2@db`);
    }
    await progress(2, 2, "done");
    return { doubled: value * 2 };
  },
});
const slow = defineJob({
  type: "test.slow",
  payload: z.object({}),
  stableId: () => "test.slow",
  cron: { schedule: "0 3 * * *", payload: {} },
  handler: async (_p, { jobId }) => {
    runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 20));
    return null;
  },
});
const registry = new Map<string, TJobDefinition>([[echo.type, echo as unknown as TJobDefinition], [slow.type, slow as unknown as TJobDefinition]]);
const T0 = new Date("2026-06-01T12:00:00.000Z");
const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);
const job = (id: string) => database.prisma.job.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});
beforeEach(async () => {
  await database.prisma.job.deleteMany();
  runs.clear();
  failuresLeft = 0;
});

describe("job runner", () => {
  it("treats a duplicate enqueue as harmless", async () => {
    expect(await enqueueJob(database.prisma, { type: "test.echo", id: "e1", payload: { value: 1 }, now: T0 }, registry)).toEqual({ id: "e1", enqueued: true });
    expect(await enqueueJob(database.prisma, { type: "test.echo", id: "e1", payload: { value: 2 }, now: T0 }, registry)).toEqual({ id: "e1", enqueued: false });
    expect(await database.prisma.job.count()).toBe(1);
    expect((await job("e1")).payload).toEqual({ value: 1 });
  });

  it("rejects unknown types and invalid payloads at enqueue", async () => {
    await expect(enqueueJob(database.prisma, { type: "test.nope", id: "x" }, registry)).rejects.toThrow(/unknown job type/);
    await expect(enqueueJob(database.prisma, { type: "test.echo", id: "x", payload: { value: "1" }, now: T0 }, registry)).rejects.toThrow();
    expect(await database.prisma.job.count()).toBe(0);
  });

  it("claims a due job, stores progress and the result", async () => {
    await enqueueJob(database.prisma, { type: "test.echo", id: "e2", payload: { value: 21 }, now: T0 }, registry);
    expect(await runNextJob(database.prisma, { workerId: "w1", registry, now: at(1) })).toEqual({ id: "e2", type: "test.echo", outcome: "succeeded" });
    expect(await job("e2")).toMatchObject({
      status: "succeeded", attempts: 1, result: { doubled: 42 }, progressDone: 2, progressTotal: 2, progressNote: "done", lockedBy: null, lastError: null,
    });
    expect(await runNextJob(database.prisma, { workerId: "w1", registry, now: at(2) })).toBeNull();
  });

  it("does not run a job before its time", async () => {
    await enqueueJob(database.prisma, { type: "test.echo", id: "later", payload: { value: 1 }, runAt: new Date(T0.getTime() + 60_000) }, registry);
    expect(await runNextJob(database.prisma, { workerId: "w1", registry, now: at(30) })).toBeNull();
    expect((await runNextJob(database.prisma, { workerId: "w1", registry, now: at(61) }))?.outcome).toBe("succeeded");
  });

  it("retries with backoff, keeping the error visible, then succeeds", async () => {
    failuresLeft = 1;
    await enqueueJob(database.prisma, { type: "test.echo", id: "e3", payload: { value: 1 }, now: T0 }, registry);
    expect((await runNextJob(database.prisma, { workerId: "w1", registry, now: at(0), backoffMs: 10_000 }))?.outcome).toBe("retry");
    const retried = await job("e3");
    expect(retried).toMatchObject({ status: "queued", attempts: 1, lockedBy: null });
    // The raw error (which could carry a provider response or a connection string) stays in the log.
    expect(retried.lastError).toBe("Unexpected error in test.echo (attempt 1); the details are in the server log under job e3.");
    expect(retried.runAt.toISOString()).toBe(new Date(T0.getTime() + 10_000).toISOString());
    expect(await runNextJob(database.prisma, { workerId: "w1", registry, now: at(5) })).toBeNull();
    expect((await runNextJob(database.prisma, { workerId: "w1", registry, now: at(11) }))?.outcome).toBe("succeeded");
    expect(await job("e3")).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("marks a job failed with its last error after maxAttempts", async () => {
    failuresLeft = 5;
    await enqueueJob(database.prisma, { type: "test.echo", id: "e4", payload: { value: 7 }, maxAttempts: 2, now: T0 }, registry);
    await runNextJob(database.prisma, { workerId: "w1", registry, now: at(0), backoffMs: 1000 });
    expect((await runNextJob(database.prisma, { workerId: "w1", registry, now: at(10), backoffMs: 1000 }))?.outcome).toBe("failed");
    expect(await job("e4")).toMatchObject({ status: "failed", attempts: 2 });
    expect((await job("e4")).lastError).not.toMatch(/boom|hunter2|postgresql/);
    expect((await job("e4")).finishedAt).not.toBeNull();
  });

  it("keeps an expected (AppError) failure's message, which is written to be shown", async () => {
    failuresLeft = 1;
    await enqueueJob(database.prisma, { type: "test.echo", id: "e4b", payload: { value: 99 }, now: T0 }, registry);
    expect((await runNextJob(database.prisma, { workerId: "w1", registry, now: at(0) }))?.outcome).toBe("retry");
    expect((await job("e4b")).lastError).toBe("The provider refused: credential already revoked.");
  });

  it("lets another worker take over a crashed worker's job once its lease expires", async () => {
    await enqueueJob(database.prisma, { type: "test.echo", id: "e5", payload: { value: 3 }, now: T0 }, registry);
    const [claimed] = await claimJobs(database.prisma, { workerId: "crashed", registry, now: at(0) });
    expect(claimed).toMatchObject({ id: "e5", status: "running", lockedBy: "crashed" });
    // Within the lease: nobody else may take it.
    expect(await runNextJob(database.prisma, { workerId: "w2", registry, now: at(60), leaseMs: 120_000 })).toBeNull();
    expect((await runNextJob(database.prisma, { workerId: "w2", registry, now: at(121), leaseMs: 120_000 }))?.outcome).toBe("succeeded");
    expect(await job("e5")).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("fails a job whose workers keep dying, instead of retrying forever", async () => {
    await enqueueJob(database.prisma, { type: "test.echo", id: "e6", payload: { value: 3 }, maxAttempts: 1, now: T0 }, registry);
    await claimJobs(database.prisma, { workerId: "crashed", registry, now: at(0) });
    expect((await runNextJob(database.prisma, { workerId: "w2", registry, now: at(400) }))?.outcome).toBe("failed");
    expect(await job("e6")).toMatchObject({ status: "failed", lastError: "worker lost: its lease expired after 1 attempts" });
  });

  it("stops a worker that lost its lease, and lets it write nothing", async () => {
    await enqueueJob(database.prisma, { type: "test.echo", id: "e7", payload: { value: 3 }, now: T0 }, registry);
    const [claimed] = await claimJobs(database.prisma, { workerId: "old", registry, now: at(0) });
    expect(claimed?.id).toBe("e7");
    await claimJobs(database.prisma, { workerId: "new", registry, now: at(400) });
    const updated = await database.prisma.$executeRawUnsafe(`UPDATE jobs SET status = 'succeeded' WHERE id = 'e7' AND locked_by = 'old'`);
    expect(updated).toBe(0);
    expect(await job("e7")).toMatchObject({ status: "running", lockedBy: "new" });
  });

  it("requeues a finished stable job for a new cron slot once, not while it is queued or running", async () => {
    const seen = new Map<string, number>();
    await enqueueDueCronJobs(database.prisma, registry, seen, new Date("2026-06-01T04:00:00Z"));
    expect(await job("test.slow")).toMatchObject({ status: "queued" });
    await runNextJob(database.prisma, { workerId: "w1", registry, now: () => new Date("2026-06-01T04:00:01Z") });
    // Another instance ticking the same slot: the job finished after the slot, nothing to do.
    await enqueueDueCronJobs(database.prisma, registry, new Map(), new Date("2026-06-01T05:00:00Z"));
    expect(await job("test.slow")).toMatchObject({ status: "succeeded" });
    // Next day's slot: it runs again.
    await enqueueDueCronJobs(database.prisma, registry, seen, new Date("2026-06-02T03:00:00Z"));
    expect(await job("test.slow")).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("registers the risk recompute job with a stable id and a daily slot", () => {
    const def = JOB_REGISTRY.get("risk.recompute-all");
    expect(def?.stableId?.({ reason: "manual" } as never)).toBe(RECOMPUTE_ALL_JOB_ID);
    expect(def?.cron?.schedule).toBe("10 0 * * *");
  });
});

describe("concurrent workers", () => {
  it("never run the same job twice (FOR UPDATE SKIP LOCKED)", async () => {
    const jobs = 30;
    for (let i = 0; i < jobs; i++) await enqueueJob(database.prisma, { type: "test.echo", id: `c${i}`, payload: { value: i }, now: T0 }, registry);
    // On PostgreSQL each worker gets its own connection pool, as separate processes would.
    const clients = inject("dbKind") === "postgres" && database.url
      ? await Promise.all(Array.from({ length: 4 }, () => openDatabase({ DATABASE_URL: database.url, TOKENWARD_DATA_DIR: "unused" })))
      : [];
    try {
      const prismas = clients.length ? clients.map((c) => c.prisma) : [database.prisma, database.prisma, database.prisma, database.prisma];
      await Promise.all(prismas.map(async (prisma, w) => {
        while (await runNextJob(prisma, { workerId: `w${w}`, registry, now: at(1) }));
      }));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    expect(runs.size).toBe(jobs);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await database.prisma.job.count({ where: { status: "succeeded" } })).toBe(jobs);
  });
});

// `npm run worker`: the background-job worker as its own process (node --conditions=react-server
// --import tsx: the job code is server-only). Runs every job of lib/jobs/registry.ts — workflow
// steps, their minute tick, syncs, risk recomputes, e-mail notices — against DATABASE_URL (or the
// PGlite data dir, which only one process may open: use PostgreSQL to run the app beside it).
// Run the app with TOKENWARD_WORKER=off so it does not run jobs itself; any number of these may run
// at once (jobs and workflow steps are claimed under row locks, FOR UPDATE SKIP LOCKED).
//
// SIGTERM / SIGINT: no new job is claimed; the job in hand finishes its current step, records it and
// stops there (a workflow's next step stays due for another worker). If that takes longer than
// STOP_GRACE_MS the process exits anyway, like a crash: its leases run out and another worker
// resumes from the recorded step. A second signal exits at once. SIGKILL is the same as a crash.
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { newWorkerId, startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logging/logger";

/** Longer than one provider call (10 s timeout) plus recording it. */
const STOP_GRACE_MS = 30_000;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const e = env();
  const pollMs = Number(arg("poll-ms") ?? 1_000);
  if (!Number.isInteger(pollMs) || pollMs < 50 || pollMs > 60_000) throw new Error("--poll-ms must be a whole number of milliseconds between 50 and 60000");
  const label = arg("id");
  if (label !== undefined && !/^[A-Za-z0-9._:-]{1,64}$/.test(label)) throw new Error("--id must be 1-64 of A-Z a-z 0-9 . _ : -");
  // No statement timeout: jobs (a full risk recompute) legitimately run long.
  const database = await openDatabase({ DATABASE_URL: e.DATABASE_URL, TOKENWARD_DATA_DIR: e.TOKENWARD_DATA_DIR });
  const worker = startWorker(database.prisma, { workerId: label ? `${label}:${newWorkerId()}` : undefined, pollMs });
  logger.info("job worker started", { workerId: worker.id, pid: process.pid, database: database.kind });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn("job worker: second signal, exiting now (leases will expire)", { workerId: worker.id, signal });
      process.exit(130);
    }
    stopping = true;
    logger.info("job worker stopping: finishing the current step", { workerId: worker.id, signal });
    const grace = setTimeout(() => {
      logger.warn("job worker: the current job did not finish in time, exiting (its lease will expire)", { workerId: worker.id, graceMs: STOP_GRACE_MS });
      process.exit(1);
    }, STOP_GRACE_MS);
    grace.unref();
    await worker.stop();
    await database.close();
    logger.info("job worker stopped", { workerId: worker.id });
    process.exit(0);
  };
  process.on("SIGTERM", (s) => void stop(s));
  process.on("SIGINT", (s) => void stop(s));
}

main().catch((error: unknown) => {
  logger.error("job worker could not start", { error });
  process.exit(1);
});

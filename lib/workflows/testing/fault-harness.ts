import type { PrismaClient } from "@/lib/generated/prisma/client";
import { WORKFLOW_ADVANCE_JOB } from "@/lib/workflows/job-types";
import { isStep, type TWorkflowState } from "@/lib/workflows/state-machine";
import { tickWorkflows } from "@/lib/workflows/services/tick-workflows";
import type { TFaultProxy } from "./fault-proxy";
import { startWorkerProcess, type TWorkerProcess } from "./worker-process";

/**
 * What the fault suite drives a workflow with: one real worker process at a time (restarted after
 * it is SIGKILLed), the minute tick run by the test whenever a step is due but has no job, and time
 * moved on by ageing leases and back-offs in the database — never by a branch in app code.
 */

export class WorkerSupervisor {
  current: TWorkerProcess | null = null;
  starts = 0;
  constructor(private readonly env: Record<string, string>) {}
  async start(): Promise<TWorkerProcess> {
    this.starts++;
    this.current = await startWorkerProcess(this.env, `faults-${this.starts}`);
    return this.current;
  }
  async crash(): Promise<void> {
    const w = this.current;
    this.current = null;
    if (w) expectKilled(await w.kill("SIGKILL"));
  }
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null> {
    const w = this.current;
    this.current = null;
    return w ? w.kill("SIGTERM") : null;
  }
}

function expectKilled(exit: { code: number | null; signal: NodeJS.Signals | null }) {
  if (exit.signal !== "SIGKILL") throw new Error(`the worker was meant to die by SIGKILL, it exited with ${exit.code ?? exit.signal}`);
}

const jobIdOf = (workflowId: string) => `${WORKFLOW_ADVANCE_JOB}:${workflowId}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The crashed worker's leases run out: the workflow's step lease and its job's lock, aged in the database. */
export async function expireLeases(prisma: PrismaClient, workflowId: string): Promise<void> {
  const past = new Date(Date.now() - 1_000);
  await prisma.workflow.updateMany({ where: { id: workflowId, nextRunAt: { gt: past } }, data: { nextRunAt: past } });
  await prisma.job.updateMany({ where: { id: jobIdOf(workflowId), status: "running" }, data: { lockedAt: new Date(Date.now() - 60 * 60_000) } });
}

export type TSettleOptions = {
  prisma: PrismaClient;
  workflowId: string;
  workers: WorkerSupervisor;
  proxy?: TFaultProxy;
  /** Kill the worker when the proxy holds an answer (a `crash` rule). */
  crashOnHold?: boolean;
  /** The owner's part when the new secret is ready: reveal it, switch over, confirm. */
  onCutover?: () => Promise<void>;
  timeoutMs?: number;
};

export type TSettled = { state: TWorkflowState; crashes: number; ticks: number; aged: number };

/** Runs a workflow until it completes, fails, rolls back or ends otherwise (never waiting on the real clock for back-offs). */
export async function settle(o: TSettleOptions): Promise<TSettled> {
  const deadline = Date.now() + (o.timeoutMs ?? 90_000);
  let crashes = 0;
  let ticks = 0;
  let aged = 0;
  let holding = false;
  if (o.crashOnHold && o.proxy) void o.proxy.held().then(() => (holding = true));
  while (Date.now() < deadline) {
    if (holding) {
      holding = false;
      // The provider acted; its answer is in flight: the worker dies now, mid-step.
      await o.workers.crash();
      crashes++;
      await expireLeases(o.prisma, o.workflowId);
      await o.workers.start();
      continue;
    }
    const w = await o.prisma.workflow.findUniqueOrThrow({ where: { id: o.workflowId } });
    if (w.state === "awaiting_cutover" && o.onCutover) {
      await o.onCutover();
      continue;
    }
    if (!isStep(w.state)) {
      if (w.state === "failed" || !["requested", "awaiting_cutover", "awaiting_replacement"].includes(w.state)) return { state: w.state, crashes, ticks, aged };
      throw new Error(`workflow ${o.workflowId} waits in ${w.state} with nobody to act`);
    }
    const job = await o.prisma.job.findUnique({ where: { id: jobIdOf(o.workflowId) } });
    if (!job || (job.status !== "queued" && job.status !== "running")) {
      // Due (or backing off) without a job: move its time on, and tick as the minute cron would.
      if (w.nextRunAt && w.nextRunAt > new Date()) {
        await o.prisma.workflow.update({ where: { id: o.workflowId }, data: { nextRunAt: new Date(Date.now() - 1_000) } });
        aged++;
      }
      await tickWorkflows(o.prisma);
      ticks++;
    }
    await sleep(100);
  }
  throw new Error(`workflow ${o.workflowId} did not settle in time`);
}

/** Every table row, as text, that contains one of the values: where a secret would be in clear. */
export async function plaintextHits(prisma: PrismaClient, secrets: string[]): Promise<string[]> {
  const tables = await prisma.$queryRawUnsafe<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'`,
  );
  const hits: string[] = [];
  for (const secret of secrets.filter((s) => s.length >= 8)) {
    for (const { t } of tables) {
      const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}" x WHERE strpos(x::text, $1) > 0`, secret);
      if (row && row.n > 0) hits.push(`${t} (${row.n})`);
    }
  }
  return hits;
}

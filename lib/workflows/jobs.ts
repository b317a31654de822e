import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { WORKFLOW_ADVANCE_JOB, WORKFLOW_TICK_JOB, workflowJobId } from "@/lib/workflows/job-types";
import { advanceWorkflow } from "@/lib/workflows/services/advance-workflow";
import { tickWorkflows } from "@/lib/workflows/services/tick-workflows";

/**
 * Workflows run on the job runner: one logical "advance" job per workflow (stable id), enqueued
 * when it becomes due; the workflow itself counts and backs off its step attempts, so the job makes
 * one attempt. A job lost with its worker is no loss: the tick re-enqueues the workflow once its
 * step lease runs out.
 */
export const workflowAdvanceJob = defineJob({
  type: WORKFLOW_ADVANCE_JOB,
  payload: z.object({ workflowId: z.uuid() }),
  stableId: (p) => workflowJobId(p.workflowId),
  maxAttempts: 1,
  handler: (payload, { prisma, jobId, signal }) => advanceWorkflow(prisma, payload.workflowId, { workerLabel: jobId, signal }),
});

export const workflowTickJob = defineJob({
  type: WORKFLOW_TICK_JOB,
  payload: z.object({}),
  stableId: () => WORKFLOW_TICK_JOB,
  cron: { schedule: "* * * * *", payload: {} },
  maxAttempts: 1,
  handler: (_payload, { prisma }) => tickWorkflows(prisma),
});

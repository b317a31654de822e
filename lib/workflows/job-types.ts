/** Job type names, apart from their handlers so services can enqueue without importing the executor. */
export const WORKFLOW_ADVANCE_JOB = "workflows.advance";
export const WORKFLOW_TICK_JOB = "workflows.tick";
export const workflowJobId = (workflowId: string) => `${WORKFLOW_ADVANCE_JOB}:${workflowId}`;

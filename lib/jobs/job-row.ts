import type { JobStatus } from "@/lib/generated/prisma/client";

/** A job as the runner and the UI see it (from raw SQL or Prisma). */
export type TJobRow = {
  id: string;
  type: string;
  payload: unknown;
  status: JobStatus;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedAt: Date | null;
  progressDone: number;
  progressTotal: number | null;
  progressNote: string | null;
  result: unknown;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Column list with camelCase aliases, for RETURNING / SELECT in raw SQL. */
export const JOB_COLUMNS = `j.id, j.type, j.payload, j.status::text AS status, j.run_at AS "runAt", j.attempts, j.max_attempts AS "maxAttempts",
  j.locked_by AS "lockedBy", j.locked_at AS "lockedAt", j.progress_done AS "progressDone", j.progress_total AS "progressTotal",
  j.progress_note AS "progressNote", j.result, j.last_error AS "lastError", j.created_at AS "createdAt", j.updated_at AS "updatedAt",
  j.started_at AS "startedAt", j.finished_at AS "finishedAt"`;

/** The job that applies ingested hops (lib/usage/jobs.ts): named here so ingestion can enqueue it without importing the registry. */
export const USAGE_APPLY_JOB = "usage.apply";

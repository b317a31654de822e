/** The job that applies ingested hops (lib/usage/jobs.ts): named here so ingestion can enqueue it without importing the registry. */
export const USAGE_APPLY_JOB = "usage.apply";
/** The job that keeps usage_events' monthly partitions (creates ahead, drops past retention). */
export const USAGE_PARTITIONS_JOB = "usage.partitions";

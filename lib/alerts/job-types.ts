/** The job that sends pending alert deliveries (lib/alerts/jobs.ts): named here so emission can enqueue it without importing the registry. */
export const ALERTS_DELIVER_JOB = "alerts.deliver";

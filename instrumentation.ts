/**
 * Next.js calls register() once per server start. The background-job worker runs in the Node.js
 * runtime only, and starts after the server is up: opening the database must not delay readiness,
 * and a failure to start it must not take the web server down (it is logged; jobs wait in the table).
 */
export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time; lib/env.ts cannot be imported in the edge runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppWorker } = await import("@/lib/jobs/start-app-worker");
  setTimeout(() => {
    startAppWorker().catch(async (error: unknown) => {
      const { logger } = await import("@/lib/logging/logger");
      logger.error("job worker did not start", { error });
    });
  }, 0);
}

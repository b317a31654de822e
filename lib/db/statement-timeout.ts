/**
 * PostgreSQL cancels a statement that outlives statement_timeout with SQLSTATE 57014. The error
 * reaches us raw from the pg driver or wrapped (Prisma's driver adapter keeps the original as
 * `cause`, or the code in `meta`), so the chain is searched a few levels deep.
 */
export const QUERY_CANCELED = "57014";

export function isStatementTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; cause?: unknown; originalCode?: unknown };
    if (e.code === QUERY_CANCELED || e.originalCode === QUERY_CANCELED || e.meta?.code === QUERY_CANCELED) return true;
    // A raw query's error (P2010) carries the driver's error under meta.driverAdapterError.cause.
    current = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}

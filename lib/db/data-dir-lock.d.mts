// Types for data-dir-lock.mjs, so TypeScript code can import it without `allowJs`.
// Keep in step with the JSDoc there.

/** Thrown when another live process holds the lock. */
export declare class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number);
  readonly dataDir: string;
  readonly pid: number;
}

/** Path of the lock file guarding `dataDir`: `<dataDir>.lock`. */
export declare function lockFilePath(dataDir: string): string;

/**
 * Take the exclusive lock on a PGlite data directory, or throw `DataDirLockedError` if a live
 * process holds it. Returns an idempotent `release()`, also run on exit and (unless
 * `releaseOnSignals: false`) on SIGINT/SIGTERM/SIGHUP.
 */
export declare function acquireDataDirLock(dataDir: string, options?: { releaseOnSignals?: boolean }): () => void;

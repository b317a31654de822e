// @ts-check
/**
 * Exclusive lock for a PGlite data directory.
 *
 * PGlite has no multi-process locking: two processes opening one data dir corrupt it. Every
 * process that opens the embedded database (the schema-engine stand-in, the app, scripts) takes
 * this lock first. The contract is deliberately tiny so any process can honour it:
 *
 *   - the lock is the file `<dataDir>.lock`, created exclusively ("wx") and holding the owner's pid;
 *   - a lock whose pid is no longer alive is stale and is taken over;
 *   - the owner removes the file when it exits (normally or on a signal).
 *
 * Plain ESM with JSDoc types so that TypeScript code (lib/db/) can import it as is.
 *
 * @module
 */

import fs from "node:fs";
import path from "node:path";

/** Signals after which the owner should still remove its lock (the default action would skip "exit"). */
const RELEASE_ON_SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);

/** Thrown when another live process holds the lock. */
export class DataDirLockedError extends Error {
  /**
   * @param {string} dataDir
   * @param {number} pid
   */
  constructor(dataDir, pid) {
    super(
      `the embedded database at ${dataDir} is in use by process ${pid} — stop it first (npm run demo / next start hold it)`,
    );
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/**
 * Path of the lock file guarding `dataDir`.
 * @param {string} dataDir
 * @returns {string}
 */
export function lockFilePath(dataDir) {
  return path.resolve(dataDir) + ".lock";
}

/**
 * @param {number} pid
 * @returns {boolean}
 */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — it is alive all the same.
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * @param {string} file
 * @returns {number | null} the pid in the lock file, or null if unreadable/garbled
 */
function readOwnerPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Take the exclusive lock on a PGlite data directory, or throw `DataDirLockedError` if a live
 * process holds it. Creates the parent directories of the lock file if needed.
 *
 * The returned `release()` removes the lock; it is idempotent and also runs on process exit. By
 * default it also runs on SIGINT/SIGTERM/SIGHUP, after which the signal is re-raised (when no
 * other handler is installed) so the process still dies of it. A process that must close the
 * database before letting go of the lock (the lock must outlive the open database) passes
 * `{ releaseOnSignals: false }` and calls `release()` from its own signal handling once the
 * database is closed.
 *
 * @param {string} dataDir the PGlite data directory (need not exist yet)
 * @param {{ releaseOnSignals?: boolean }} [options]
 * @returns {() => void} release
 */
export function acquireDataDirLock(dataDir, options = {}) {
  const { releaseOnSignals = true } = options;
  const resolvedDir = path.resolve(dataDir);
  const file = lockFilePath(resolvedDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  // Second attempt only after removing a stale lock; if another process takes the lock in
  // between, its "wx" wins and ours fails again with that process's pid.
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    let pid = readOwnerPid(file);
    if (pid === null) {
      // The owner may have created the file and not yet written its pid.
      waitBriefly();
      pid = readOwnerPid(file);
    }
    if (pid === process.pid) throw new Error(`${file} is already held by this process`);
    if (pid !== null && isAlive(pid)) throw new DataDirLockedError(resolvedDir, pid);
    if (attempt >= 1) throw new Error(`could not take the lock ${file}; remove it if no process uses ${resolvedDir}`);
    fs.rmSync(file, { force: true });
  }

  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    release();
    // Re-raise only if nobody else handles the signal: then the default action (exit) applies.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    for (const signal of RELEASE_ON_SIGNALS) process.removeListener(signal, onSignal);
    // Only remove the file if it is still ours (another process may have judged it stale).
    if (readOwnerPid(file) === process.pid) fs.rmSync(file, { force: true });
  };

  process.on("exit", release);
  if (releaseOnSignals) for (const signal of RELEASE_ON_SIGNALS) process.on(signal, onSignal);
  return release;
}

/** Gives a process that has just created the lock file time to write its pid. */
function waitBriefly() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}

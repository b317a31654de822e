import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * Debian's Glewlwyd as a throw-away process: its own temporary directory (config + SQLite database
 * created from the package's init script), 127.0.0.1 and a free port. Nothing outlives the test:
 * stop() kills it and removes the directory; an exiting or interrupted test process does the same,
 * and the child is started under `setpriv --pdeathsig KILL`, so even a SIGKILLed test worker takes
 * it along (its directory is then removed by the next start: each one names its owner's pid).
 */

export const GLEWLWYD_BIN = "/usr/bin/glewlwyd";
// dbconfig-common's copy is always installed; the doc copy may be excluded by dpkg path filters.
const INIT_SQL = ["/usr/share/dbconfig-common/data/glewlwyd/install/sqlite3", "/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz"];
const READY_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 3_000;
const PORT_ATTEMPTS = 3;
const DIR_PREFIX = "tokenward-glewlwyd-";

export type TGlewlwydAvailability = { installed: true } | { installed: false; reason: string };

export function glewlwydAvailability(): TGlewlwydAvailability {
  if (!existsSync(GLEWLWYD_BIN)) return { installed: false, reason: `Glewlwyd is not installed (${GLEWLWYD_BIN} missing); as root, \`node scripts/ensure-glewlwyd.mjs\` installs it with apt.` };
  if (!INIT_SQL.some((p) => existsSync(p))) return { installed: false, reason: `Glewlwyd's SQLite init script is missing (${INIT_SQL.join(" or ")}); reinstall the glewlwyd package.` };
  if (!existsSync("/usr/bin/sqlite3")) return { installed: false, reason: "sqlite3 (a dependency of the glewlwyd package) is missing." };
  return { installed: true };
}

export type TGlewlwydProcess = { baseUrl: string; startedInMs: number; logTail: () => string; stop: () => Promise<void> };

const live = new Set<{ child: ChildProcess; dir: string }>();

function cleanUpNow(): void {
  for (const entry of live) {
    if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill("SIGKILL");
    rmSync(entry.dir, { recursive: true, force: true });
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  cleanUpNow();
  // Our listener was once-only: re-raising lets the default action (or vitest's own) proceed.
  process.kill(process.pid, signal);
}

function track(entry: { child: ChildProcess; dir: string }): () => void {
  if (live.size === 0) {
    process.on("exit", cleanUpNow);
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  live.add(entry);
  return () => {
    live.delete(entry);
    if (live.size > 0) return;
    process.off("exit", cleanUpNow);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Directories left by a test process that was SIGKILLed (its Glewlwyd died with it). */
function removeStaleDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, "owner.pid"), "utf8"));
    } catch {
      continue; // being created right now, or not ours to judge
    }
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function initDatabase(file: string): void {
  const script = INIT_SQL.find((p) => existsSync(p))!;
  const sql = script.endsWith(".gz") ? gunzipSync(readFileSync(script)).toString("utf8") : readFileSync(script, "utf8");
  const result = spawnSync("/usr/bin/sqlite3", [file], { input: sql, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Initialising Glewlwyd's database from ${script} failed: ${result.stderr || result.error?.message}`);
}

/** libconfig syntax. `use_secure_connection` is left out: Glewlwyd 2.7.5 demands certificates whenever the key is present, even set to false. */
function configText(port: number, database: string): string {
  return `port=${port}
bind_address="127.0.0.1"
external_url="http://127.0.0.1:${port}"
login_url="login.html"
api_prefix="api"
log_mode="console"
log_level="INFO"
cookie_secure=0
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="/usr/lib/glewlwyd/user"
client_module_path="/usr/lib/glewlwyd/client"
user_auth_scheme_module_path="/usr/lib/glewlwyd/scheme"
plugin_module_path="/usr/lib/glewlwyd/plugin"
hash_algorithm="SHA512"
database = { type = "sqlite3"; path = "${database}"; };
`;
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, logTail: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Glewlwyd exited (${child.exitCode ?? child.signalCode}) before answering:\n${logTail()}`);
    try {
      const response = await fetch(`${baseUrl}/config`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Glewlwyd did not answer at ${baseUrl}/config within ${READY_TIMEOUT_MS / 1000} s:\n${logTail()}`);
}

function stopper(child: ChildProcess, dir: string, untrack: () => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
      untrack();
    })());
}

async function startOnce(): Promise<TGlewlwydProcess> {
  const started = performance.now();
  removeStaleDirs();
  const dir = mkdtempSync(path.join(tmpdir(), DIR_PREFIX));
  writeFileSync(path.join(dir, "owner.pid"), String(process.pid));
  const database = path.join(dir, "glewlwyd.db");
  const port = await freePort();
  initDatabase(database);
  writeFileSync(path.join(dir, "glewlwyd.conf"), configText(port, database));
  const argv = [GLEWLWYD_BIN, "-c", path.join(dir, "glewlwyd.conf")];
  const [command, ...args] = existsSync("/usr/bin/setpriv") ? ["/usr/bin/setpriv", "--pdeathsig", "KILL", ...argv] : argv;
  const child = spawn(command!, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const untrack = track({ child, dir });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const logTail = () => lines.join("\n");
  const stop = stopper(child, dir, untrack);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(baseUrl, child, logTail);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, startedInMs: Math.round(performance.now() - started), logTail, stop };
}

/** Retries on another port when the one picked was taken between choosing it and Glewlwyd binding it. */
export async function startGlewlwydProcess(): Promise<TGlewlwydProcess> {
  let last: unknown;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

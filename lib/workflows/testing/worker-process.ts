import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * `npm run worker` as a real child process (node --conditions=react-server --import tsx, exactly as
 * package.json runs it, without npm in between so the pid is the worker's own): what the fault
 * suite SIGKILLs mid-step and starts again. It dies with the test process that started it.
 */

export type TWorkerProcess = {
  pid: number;
  id: string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logTail: () => string;
};

const ROOT = path.resolve(import.meta.dirname, "../../..");

export async function startWorkerProcess(env: Record<string, string>, label = "faults"): Promise<TWorkerProcess> {
  const argv = [process.execPath, "--conditions=react-server", "--import", "tsx", "scripts/worker.ts", "--poll-ms", "100", "--id", label];
  // setpriv execs (same pid): a test process that dies, even by SIGKILL, takes its workers along.
  const [command, ...args] = existsSync("/usr/bin/setpriv") ? ["/usr/bin/setpriv", "--pdeathsig", "KILL", ...argv] : argv;
  const child = spawn(command!, args, {
    cwd: ROOT,
    // eslint-disable-next-line no-restricted-properties -- a test harness: the child gets this process's environment plus the suite's
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const tail: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stderr! }).on("line", (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes("job worker started")) resolve((JSON.parse(line) as { workerId: string }).workerId);
    });
    void exited.then(({ code, signal }) => reject(new Error(`worker exited before it started (${code ?? signal}):\n${tail.join("\n")}`)));
  });
  const id = await Promise.race([ready, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`worker did not start in 60 s:\n${tail.join("\n")}`)), 60_000))]);
  return {
    pid: child.pid!,
    id,
    exited,
    kill: async (signal) => {
      child.kill(signal);
      return exited;
    },
    logTail: () => tail.join("\n"),
  };
}

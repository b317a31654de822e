import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { acquireDataDirLock, DataDirLockedError, lockFilePath } from "./data-dir-lock.mjs";

const lockModule = path.join(path.dirname(fileURLToPath(import.meta.url)), "data-dir-lock.mjs");

let root: string;
let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "tw-lock-test-"));
  dataDir = path.join(root, "nested", "pglite");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

/** Another process holding the lock, as the app or a second CLI run would. */
async function holdLockInChild(dir: string): Promise<ChildProcess> {
  const code = `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
    acquireDataDirLock(${JSON.stringify(dir)}); process.stdout.write("held\\n"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (exitCode) => reject(new Error(`lock holder exited early (${exitCode})`)));
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

describe("acquireDataDirLock", () => {
  it("creates <dir>.lock (and its parents) holding our pid, and release removes it", () => {
    const release = acquireDataDirLock(dataDir);
    expect(lockFilePath(dataDir)).toBe(`${dataDir}.lock`);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    release(); // idempotent
  });

  it("refuses a directory held by another live process, naming it", async () => {
    const holder = await holdLockInChild(dataDir);
    let caught: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as Error).message).toBe(
      `the embedded database at ${dataDir} is in use by process ${holder.pid} — stop it first (npm run demo / next start hold it)`,
    );
  });

  it("takes over a lock left by a dead process", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await exited(dead);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, `${dead.pid}\n`);

    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
  });

  it("is released when the holder is terminated by a signal", async () => {
    const holder = await holdLockInChild(dataDir);
    holder.kill("SIGTERM");
    await exited(holder);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("does not remove a lock that is no longer ours", () => {
    const release = acquireDataDirLock(dataDir);
    fs.writeFileSync(`${dataDir}.lock`, "1\n"); // someone judged ours stale and took it
    release();
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8").trim()).toBe("1");
  });
});

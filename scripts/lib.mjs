// Small helpers shared by scripts/demo.mjs and scripts/test.mjs (plain Node: they run before
// dependencies are installed).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

export function step(title) {
  process.stdout.write(`\n\x1b[1m▶ ${title}\x1b[0m\n`);
  return Date.now();
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env } });
  if (result.status !== 0) {
    const err = new Error(`${command} ${args.join(" ")} failed with exit code ${result.status ?? result.signal}`);
    err.exitCode = result.status ?? 1;
    throw err;
  }
}

export const bin = (name) => path.join(ROOT, "node_modules/.bin", name);

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules/.package-lock.json");
  if (mtime(marker) >= mtime(path.join(ROOT, "package-lock.json")) && existsSync(bin("next"))) return;
  step("Installing dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** prisma generate when the client is missing or older than the schema. */
export function ensurePrismaClient() {
  const client = path.join(ROOT, "lib/generated/prisma/client.ts");
  if (mtime(client) >= mtime(path.join(ROOT, "prisma/schema.prisma"))) return;
  step("Generating the Prisma client");
  run(bin("prisma"), ["generate"]);
}

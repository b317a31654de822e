// Starts the built app for e2e: a fresh embedded database, migrated and seeded, then `next start`.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { APP_PORT, appEnv } from "./e2e-env.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const env = { ...process.env, ...appEnv, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
const bin = (name) => path.join(root, "node_modules/.bin", name);

rmSync(path.resolve(root, path.dirname(appEnv.TOKENWARD_DATA_DIR)), { recursive: true, force: true });
execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "inherit" });
execFileSync(bin("tsx"), ["scripts/seed.ts", "--credentials", "300", "--seed", "7"], { cwd: root, env, stdio: "inherit" });

const server = spawn(bin("next"), ["start", "-p", String(APP_PORT), "-H", "localhost"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

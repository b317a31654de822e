import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Applies prisma/migrations with the standard CLI (through the project's schema-engine stand-in). */
export function migrateDeploy(target: { DATABASE_URL?: string; TOKENWARD_DATA_DIR?: string }): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ...target };
  if (!target.DATABASE_URL) delete env.DATABASE_URL;
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env, stdio: "pipe" });
}

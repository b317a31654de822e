import { readdirSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Repo-relative paths under `dir` whose file name matches. Skips generated code and dependencies. */
export function findFiles(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "generated", ".next"].includes(entry.name)) walk(child);
      } else if (name.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

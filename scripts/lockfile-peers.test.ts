import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` prints a wall of ERESOLVE warnings when an installed package's required peer is at a
 * version outside its declared range (eslint 10 under eslint-config-next 16's plugins did). A
 * newcomer reads that as breakage, so the lockfile must keep every required peer in range.
 */

type TEntry = { version?: string; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
const lock = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package-lock.json"), "utf8")) as { packages: Record<string, TEntry> };

/** The version Node would load for `name` from the package at `at`: the nearest node_modules upwards. */
function resolveFrom(at: string, name: string): string | undefined {
  let base = at;
  for (;;) {
    const hit = lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`];
    if (hit) return hit.version;
    if (!base) return undefined;
    const i = base.lastIndexOf("/node_modules/");
    base = i < 0 ? "" : base.slice(0, i);
  }
}

describe("package-lock.json", () => {
  it("satisfies every installed package's required peer dependencies", () => {
    const problems: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const [peer, range] of Object.entries(entry.peerDependencies ?? {})) {
        if (entry.peerDependenciesMeta?.[peer]?.optional) continue;
        const version = resolveFrom(at, peer);
        if (!version) problems.push(`${at} needs ${peer}@${range}: not installed`);
        else if (!semver.satisfies(version, range, { includePrerelease: true })) problems.push(`${at} needs ${peer}@${range}, has ${version}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

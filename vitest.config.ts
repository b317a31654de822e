import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const shared = {
  // next-auth imports "next/server" without an extension; inlining lets Vite resolve it.
  ssr: { noExternal: ["next-auth", "@auth/core"] },
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests run server code directly.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/server-only-stub.ts") },
    ],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,components,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.faults.test.ts", "node_modules/**", "lib/generated/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,scripts}/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite is single-connection and each file gets its own database copy: two workers suffice.
          maxWorkers: 2,
        },
      },
      {
        ...shared,
        test: {
          // `npm run test:faults` (TEST_DB=postgres): the fault-injection suite, real worker processes
          // killed mid-step against the real peers; the scenario × outcome table is printed at the end.
          name: "faults",
          environment: "node",
          include: ["lib/**/*.faults.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts", "lib/workflows/faults/report-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Files wait on timeouts and peers most of the time: three at once, each with its own database and worker.
          maxWorkers: 3,
        },
      },
    ],
  },
});

// Prisma CLI configuration (prisma generate / migrate / db execute).
//
// Database: PostgreSQL when DATABASE_URL is a postgres(ql):// URL, otherwise the embedded PGlite
// database in TOKENWARD_DATA_DIR (default <repo>/.data/pglite), given to the engine as `file:<dir>`.
//
// Schema engine: the native engine binary cannot be downloaded here (nor in CI), so the CLI runs
// our stand-in instead, which drives Prisma's WASM schema engine through driver adapters
// (scripts/prisma-schema-engine/engine.mjs).
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

// Paths are resolved from this file, not from the cwd, so the CLI behaves the same from anywhere.
const repoRoot = path.dirname(fileURLToPath(import.meta.url));

function datasourceUrl(): string {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl)) return databaseUrl;
  const dataDir = path.resolve(repoRoot, process.env.TOKENWARD_DATA_DIR || ".data/pglite");
  return `file:${dataDir}`;
}

// An explicitly set engine (e.g. a real native binary) wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(repoRoot, "scripts/prisma-schema-engine/engine.mjs");

export default defineConfig({
  schema: path.join(repoRoot, "prisma/schema.prisma"),
  migrations: {
    path: path.join(repoRoot, "prisma/migrations"),
  },
  datasource: {
    url: datasourceUrl(),
  },
});

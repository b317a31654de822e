import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/lib/testing/migrate";
import { createDatabase, databaseUrl, dropDatabase, isPostgresReachable } from "@/lib/testing/postgres-admin";

/**
 * Integration tests run against TEST_DB=pglite (default) or TEST_DB=postgres. One migrated template
 * is made per run; every test file then gets its own copy (lib/testing/test-database.ts), so files
 * never see each other's rows.
 */

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgres";
    template: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
  if (kind === "postgres") {
    if (!(await isPostgresReachable())) {
      throw new Error("TEST_DB=postgres but no PostgreSQL answers at TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)");
    }
    const template = `tw_template_${process.pid}_${Date.now()}`;
    await createDatabase(template);
    migrateDeploy({ DATABASE_URL: databaseUrl(template) });
    project.provide("dbKind", kind);
    project.provide("template", template);
    return async () => dropDatabase(template);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "tw-template-"));
  const dataDir = path.join(dir, "pglite");
  migrateDeploy({ TOKENWARD_DATA_DIR: dataDir });
  project.provide("dbKind", kind);
  project.provide("template", dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}

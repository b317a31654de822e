import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type TDatabase } from "@/lib/db/open-database";
import { createDatabase, databaseUrl, dropDatabase } from "@/lib/testing/postgres-admin";

export type TTestDatabase = TDatabase & { url?: string; dispose: () => Promise<void> };

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase(): Promise<TTestDatabase> {
  const kind = inject("dbKind");
  const template = inject("template");
  if (kind === "postgres") {
    const name = `tw_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await createDatabase(name, template);
    const url = databaseUrl(name);
    const database = await openDatabase({ DATABASE_URL: url, TOKENWARD_DATA_DIR: "unused" });
    return { ...database, url, dispose: async () => { await database.close(); await dropDatabase(name); } };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "tw-test-"));
  const dataDir = path.join(dir, "pglite");
  cpSync(template, dataDir, { recursive: true });
  const database = await openDatabase({ TOKENWARD_DATA_DIR: dataDir });
  return { ...database, dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

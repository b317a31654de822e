import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open-database";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** The driver-level reader, and the pool surviving a connection the server drops. */

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

describe("openDatabase", () => {
  it("reads with bind parameters through the hot-path reader", async () => {
    expect(await database.read<{ n: number }>("SELECT $1::int + 1 AS n", [41])).toEqual([{ n: 42 }]);
  });

  it("keeps serving after the server terminates its idle connections, without an unhandled error", async () => {
    if (database.kind !== "postgres") return; // PGlite has no server to drop connections.
    // A second handle on the same database whose Prisma client is not connected: nothing but the
    // pool's own listener stands between a dropped idle connection and an uncaught 'error' event.
    const other = await openDatabase({ DATABASE_URL: database.url!, TOKENWARD_DATA_DIR: "unused" });
    const uncaught: unknown[] = [];
    const onError = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onError);
    try {
      const [backend] = await other.read<{ pid: number }>("SELECT pg_backend_pid() AS pid", []);
      await database.read("SELECT pg_terminate_backend($1::int)", [backend!.pid]);
      await new Promise((r) => setTimeout(r, 300));
      expect(uncaught).toEqual([]);
      expect(await other.read<{ ok: number }>("SELECT 1 AS ok", [])).toEqual([{ ok: 1 }]);
    } finally {
      process.off("uncaughtException", onError);
      await other.close();
    }
  });
});

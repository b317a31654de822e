import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { openDatabase, type TDatabase } from "@/lib/db/open-database";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { executeRoute, type TRouteDefinition } from "@/lib/server/route";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * A statement that outlives TOKENWARD_STATEMENT_TIMEOUT_MS is cancelled by PostgreSQL and reaches
 * the user as TIMEOUT (503), on both the hot-path reader and Prisma. PGlite accepts the setting but
 * cannot enforce it (WASM has no timer signal), so the cancellation cases are PostgreSQL-only.
 */

let template: TTestDatabase;
let limited: TDatabase | undefined;

beforeAll(async () => {
  template = await createTestDatabase();
  if (template.kind === "postgres") limited = await openDatabase({ DATABASE_URL: template.url!, TOKENWARD_DATA_DIR: "unused", statementTimeoutMs: 300, serialPlans: true });
});
afterAll(async () => {
  await limited?.close();
  await template?.dispose();
});

const actor: TActor = { id: "00000000-0000-4000-8000-000000000001", role: "admin", email: "a@x", name: "A", teamIds: [] };

describe("statement timeout", () => {
  it("cancels a slow statement on the reader and through Prisma, and the pool keeps serving", async () => {
    if (!limited) return;
    const slow = limited.read("SELECT pg_sleep(3)", []);
    await expect(slow).rejects.toMatchObject({ code: "57014" });
    await expect(limited.prisma.$queryRawUnsafe("SELECT pg_sleep(3)")).rejects.toThrow(/statement timeout/);
    // Recognised however Prisma wraps it (a raw query's P2010 keeps the driver error under meta), so
    // the user gets TIMEOUT rather than INTERNAL.
    const raw = await limited.prisma.$executeRawUnsafe("SELECT pg_sleep(3)").catch((error: unknown) => error);
    expect(isStatementTimeout(raw)).toBe(true);
    expect(await limited.read<{ ok: number }>("SELECT 1 AS ok", [])).toEqual([{ ok: 1 }]);
  });

  it("leaves a connection opened without the option unlimited", async () => {
    if (!limited) return;
    const [row] = await template.read<{ t: string }>("SELECT current_setting('statement_timeout') AS t", []);
    expect(row!.t).toBe("0");
    const [capped] = await limited.read<{ t: string }>("SELECT current_setting('statement_timeout') AS t", []);
    expect(capped!.t).toBe("300ms");
    const [serial] = await limited.read<{ w: string }>("SELECT current_setting('max_parallel_workers_per_gather') AS w", []);
    expect(serial!.w).toBe("0");
  });

  it("answers a route whose query times out with 503 TIMEOUT and a clear message", async () => {
    if (!limited) return;
    const def: TRouteDefinition = {
      kind: "read",
      name: "test.slow",
      permission: "inventory.read",
      query: z.object({}),
      run: async ({ read }) => read("SELECT pg_sleep(3)", []),
    };
    const response = await executeRoute(limited.prisma, def, actor, new Request("http://x/api/slow"), limited.read);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TIMEOUT");
    expect(body.error.message).toMatch(/took too long/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prismaReader, type TSqlReader } from "@/lib/db/sql-reader";
import { INVENTORY_EXPORT_PAGE } from "@/lib/reports/sources/inventory";
import { ZReportExportQuery } from "@/lib/reports/schemas";
import { startReportExport } from "@/lib/reports/services/stream-report-export";
import { seedDatabase } from "@/lib/seed";
import { seededActors } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Back-pressure: the export reads the database only as fast as its reader takes the bytes. With a
 * reader that stops, the stream holds at most one page ahead (highWaterMark 1) and issues no more
 * queries; with a slow reader, queries never run more than two pages ahead of what was read. So
 * memory is bounded by a couple of pages whatever N is (npm run bench:export measures RSS at 1M rows).
 */

const CREDENTIALS = INVENTORY_EXPORT_PAGE * 3 + 250;
let database: TTestDatabase;
let auditor: TActor;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.prisma, { credentials: CREDENTIALS, seed: 3, demoPassword: "reports-bp-password" });
  auditor = (await seededActors(database.prisma)).auditor;
}, 300_000);

afterAll(async () => {
  await database?.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("CSV export back-pressure", () => {
  it("a stalled reader stops the queries; a slow one keeps them at most two pages ahead; every row arrives", async () => {
    let queries = 0;
    const inner = prismaReader(database.prisma);
    const read: TSqlReader = (text, values) => {
      queries++;
      return inner(text, values);
    };
    const request = ZReportExportQuery.parse({ report: "inventory", format: "csv", sort: "name", dir: "asc" });
    const out = await startReportExport({ prisma: database.prisma, read, actor: auditor }, request);
    const reader = out.stream.getReader();

    // Nothing read yet: at most the header and one page are pulled ahead.
    await sleep(300);
    expect(queries).toBeLessThanOrEqual(1);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^Credential id,Name,/);
    await sleep(300);
    const stalled = queries;
    await sleep(400);
    expect(queries, "no query while the reader does not read").toBe(stalled);
    expect(queries).toBeLessThanOrEqual(2);

    let chunks = 1;
    let text = new TextDecoder().decode(first.value);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks++;
      text += new TextDecoder().decode(next.value);
      // The reader is slow: the source may only be a page or two ahead of it.
      expect(queries).toBeLessThanOrEqual(chunks + 1);
      await sleep(100);
    }
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(CREDENTIALS + 1);
    expect(queries).toBe(Math.ceil(CREDENTIALS / INVENTORY_EXPORT_PAGE));
  });

  it("a client that goes away stops the export (no manifest, no more queries)", async () => {
    let queries = 0;
    const inner = prismaReader(database.prisma);
    const read: TSqlReader = (text, values) => {
      queries++;
      return inner(text, values);
    };
    const request = ZReportExportQuery.parse({ report: "inventory", format: "csv" });
    const out = await startReportExport({ prisma: database.prisma, read, actor: auditor }, request);
    const reader = out.stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const after = queries;
    await sleep(300);
    expect(queries).toBe(after);
    expect(await database.prisma.auditEvent.count({ where: { targetId: request.exportId, action: "report.export_completed" } })).toBe(0);
  });
});

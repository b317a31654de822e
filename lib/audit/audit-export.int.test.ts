import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { streamAuditExport } from "@/lib/audit/services/stream-audit-export";
import { verifyAuditExport } from "@/lib/audit/services/verify-audit-export";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let lines: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 1_200; i += 400) {
    await database.prisma.$transaction(async (tx) => {
      for (let j = i; j < i + 400; j++) await appendAuditEvent(tx, null, { action: "test.event", targetType: "thing", targetId: String(j), summary: { n: j, note: "ünïcødé ✓" } });
    });
  }
  lines = (await new Response(streamAuditExport(database.prisma)).text()).trimEnd().split("\n");
});
afterAll(async () => {
  await database?.dispose();
});

describe("audit export", () => {
  it("streams a header, every event in order (across pages) and a trailer with the head", async () => {
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "header", format: "tokenward.audit.v1" });
    expect(lines).toHaveLength(1_202);
    const trailer = JSON.parse(lines.at(-1)!);
    expect(trailer).toMatchObject({ type: "trailer", count: 1_200, head: { seq: "1200" } });
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: true, count: 1_200, head: trailer.head });
  });

  it("verifies offline against a head recorded earlier", async () => {
    const event = JSON.parse(lines[100]!);
    expect((await verifyAuditExport(lines, { seq: event.seq, hash: event.hash })).ok).toBe(true);
    expect(await verifyAuditExport(lines, { seq: event.seq, hash: "f".repeat(64) })).toMatchObject({ ok: false });
    expect(await verifyAuditExport(lines, { seq: "9999", hash: event.hash })).toMatchObject({ ok: false, error: expect.stringMatching(/removed/) });
  });

  it("catches an edited, a removed and a swapped line, and a cut-short file", async () => {
    const edited = [...lines];
    edited[10] = edited[10]!.replace('"n":9', '"n":10');
    expect(await verifyAuditExport(edited)).toMatchObject({ ok: false, error: expect.stringMatching(/changed/) });
    const removed = lines.filter((_, i) => i !== 10);
    expect((await verifyAuditExport(removed)).ok).toBe(false);
    const swapped = [...lines];
    [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    expect((await verifyAuditExport(swapped)).ok).toBe(false);
    expect(await verifyAuditExport(lines.slice(0, -1))).toMatchObject({ ok: false, error: expect.stringMatching(/cut short/) });
  });
});

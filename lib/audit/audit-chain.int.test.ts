import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
const actor = { id: "00000000-0000-7000-8000-000000000001", email: "a@test.local", name: "A", role: "admin" as const, teamIds: [] };

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await database.prisma.$transaction((tx) =>
      appendAuditEvent(tx, actor, { action: "test.event", targetType: "thing", targetId: `t${i}`, summary: { before: { n: i }, after: { n: i + 1, when: new Date(0) } } }),
    );
  }
}

/** Plays the attacker with direct database access: the append-only trigger must be switched off first. */
async function tamper(sql: string) {
  await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
  try {
    await database.prisma.$executeRawUnsafe(sql);
  } finally {
    await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
  }
}

async function resetChain(n: number) {
  await tamper("DELETE FROM audit_events");
  await append(n);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

describe("audit chain", () => {
  it("verifies an intact chain and reports its head", async () => {
    await resetChain(5);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({ ok: true, count: 5, firstBreak: null, head: { seq: "5" } });
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database", async () => {
    await resetChain(2);
    await expect(database.prisma.$executeRawUnsafe("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
  });

  it("catches an edited event", async () => {
    await resetChain(5);
    await tamper(`UPDATE audit_events SET summary = '{"after":{"n":999}}' WHERE seq = 3`);
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: "3", reason: "hash_mismatch" } });
  });

  it("catches an edited actor even when the summary is untouched", async () => {
    await resetChain(3);
    await tamper(`UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = 2`);
    expect((await verifyAuditChain(database.prisma)).firstBreak).toMatchObject({ seq: "2", reason: "hash_mismatch" });
  });

  it("catches an edited event whose hash was recomputed (the next link breaks)", async () => {
    await resetChain(4);
    await tamper(`UPDATE audit_events SET action = 'forged', hash = repeat('a', 64) WHERE seq = 2`);
    const result = await verifyAuditChain(database.prisma);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe("2");
  });

  it("catches a deleted event", async () => {
    await resetChain(5);
    await tamper("DELETE FROM audit_events WHERE seq = 3");
    expect((await verifyAuditChain(database.prisma)).firstBreak).toMatchObject({ seq: "4", reason: "seq_gap" });
  });

  it("catches reordered events", async () => {
    await resetChain(5);
    await tamper("UPDATE audit_events SET seq = -1 WHERE seq = 2");
    await tamper("UPDATE audit_events SET seq = 2 WHERE seq = 3");
    await tamper("UPDATE audit_events SET seq = 3 WHERE seq = -1");
    expect((await verifyAuditChain(database.prisma)).firstBreak).toMatchObject({ seq: "2", reason: "prev_hash_mismatch" });
  });

  it("catches a truncated tail against a head recorded earlier", async () => {
    await resetChain(5);
    const before = await verifyAuditChain(database.prisma);
    await tamper("DELETE FROM audit_events WHERE seq >= 4");
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);
    const checked = await verifyAuditChain(database.prisma, { expectedHead: before.head! });
    expect(checked).toMatchObject({ ok: false, firstBreak: { reason: "head_mismatch" } });
  });

  it("does not fork under concurrent writers", async () => {
    await resetChain(0);
    const writers = 40;
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        database.prisma.$transaction((tx) => appendAuditEvent(tx, actor, { action: "test.concurrent", targetType: "thing", targetId: String(i) })),
      ),
    );
    const result = await verifyAuditChain(database.prisma);
    expect(result).toMatchObject({ ok: true, count: writers, head: { seq: String(writers) } });
    const distinctPrev = await database.prisma.auditEvent.groupBy({ by: ["prevHash"], _count: true });
    expect(distinctPrev).toHaveLength(writers);
  });

  it("rolls the audit event back with the change it describes", async () => {
    await resetChain(1);
    await expect(
      database.prisma.$transaction(async (tx) => {
        await appendAuditEvent(tx, actor, { action: "test.rolled_back", targetType: "thing" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.prisma.auditEvent.count()).toBe(1);
  });
});

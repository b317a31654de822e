import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/hash";
import { generateKeyPairSync } from "node:crypto";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
// A key that exists only in this process, as in production it exists only in the app's environment.
const keys = generateKeyPairSync("ed25519");
const signing: TAuditSigning = { signer: { keyId: "test-key", privateKey: keys.privateKey }, verifyKeys: [{ keyId: "test-key", publicKey: keys.publicKey }], every: 4 };
const verifyKeys = signing.verifyKeys;
const actor = { id: "00000000-0000-7000-8000-000000000001", email: "a@test.local", name: "A", role: "admin" as const, teamIds: [] };

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await database.prisma.$transaction((tx) =>
      appendAuditEvent(tx, actor, { action: "test.event", targetType: "thing", targetId: `t${i}`, summary: { before: { n: i }, after: { n: i + 1, when: new Date(0) } } }, { signing }),
    );
  }
}

/** Plays the attacker with direct database access: the append-only trigger must be switched off first. */
async function tamper(sql: string) {
  await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
  await database.prisma.$executeRawUnsafe("ALTER TABLE audit_checkpoints DISABLE TRIGGER USER");
  try {
    await database.prisma.$executeRawUnsafe(sql);
  } finally {
    await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
    await database.prisma.$executeRawUnsafe("ALTER TABLE audit_checkpoints ENABLE TRIGGER USER");
  }
}

/** The attack the chain alone cannot see: edit event `from`, then recompute every hash after it. */
async function rewriteAndRehash(db: TTestDatabase, from: number) {
  const rows = await db.prisma.auditEvent.findMany({ where: { seq: { gte: BigInt(from) } }, orderBy: { seq: "asc" } });
  const before = await db.prisma.auditEvent.findUnique({ where: { seq: BigInt(from - 1) } });
  let prevHash = before?.hash ?? GENESIS_HASH;
  await db.prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
  try {
    // prev_hash is unique: move the tail out of the way first, then write the forged values.
    await db.prisma.$executeRawUnsafe(`UPDATE audit_events SET prev_hash = 'x' || seq, hash = 'y' || seq WHERE seq >= ${from}`);
    for (const row of rows) {
      const action = row.seq === BigInt(from) ? "forged.action" : row.action;
      const hash = computeAuditHash({ ...row, action, prevHash });
      await db.prisma.auditEvent.update({ where: { seq: row.seq }, data: { action, prevHash, hash } });
      prevHash = hash;
    }
  } finally {
    await db.prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
  }
}

async function resetChain(n: number) {
  await tamper("DELETE FROM audit_events");
  await tamper("DELETE FROM audit_checkpoints");
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
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(result).toMatchObject({ ok: true, count: 5, firstBreak: null, head: { seq: "5" } });
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database", async () => {
    await resetChain(2);
    await expect(database.prisma.$executeRawUnsafe("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).ok).toBe(true);
  });

  it("catches an edited event", async () => {
    await resetChain(5);
    await tamper(`UPDATE audit_events SET summary = '{"after":{"n":999}}' WHERE seq = 3`);
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: "3", reason: "hash_mismatch" } });
  });

  it("catches an edited actor even when the summary is untouched", async () => {
    await resetChain(3);
    await tamper(`UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = 2`);
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "2", reason: "hash_mismatch" });
  });

  it("catches an edited event whose hash was recomputed (the next link breaks)", async () => {
    await resetChain(4);
    await tamper(`UPDATE audit_events SET action = 'forged', hash = repeat('a', 64) WHERE seq = 2`);
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe("2");
  });

  it("catches a deleted event", async () => {
    await resetChain(5);
    await tamper("DELETE FROM audit_events WHERE seq = 3");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "4", reason: "seq_gap" });
  });

  it("catches reordered events", async () => {
    await resetChain(5);
    await tamper("UPDATE audit_events SET seq = -1 WHERE seq = 2");
    await tamper("UPDATE audit_events SET seq = 2 WHERE seq = 3");
    await tamper("UPDATE audit_events SET seq = 3 WHERE seq = -1");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "2", reason: "prev_hash_mismatch" });
  });

  it("catches a truncated unsigned tail (after the last checkpoint) against a head recorded earlier", async () => {
    await resetChain(5);
    const before = await verifyAuditChain(database.prisma, { verifyKeys });
    await tamper("DELETE FROM audit_events WHERE seq >= 5");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).ok).toBe(true);
    const checked = await verifyAuditChain(database.prisma, { expectedHead: before.head!, verifyKeys });
    expect(checked).toMatchObject({ ok: false, firstBreak: { reason: "head_mismatch" } });
  });

  it("catches an edited event whose whole tail was re-hashed with the trigger disabled", async () => {
    await resetChain(12);
    expect(await database.prisma.auditCheckpoint.count()).toBe(3);
    await rewriteAndRehash(database, 5);
    // The hash chain alone is self-consistent again: only the signed checkpoint at #8 sees it.
    expect((await verifyAuditChain(database.prisma, { verifyKeys: [] })).firstBreak?.reason).not.toBe("hash_mismatch");
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: "8", reason: "checkpoint_mismatch" }, signatures: { checkpoints: 1, lastCheckpoint: { seq: "4" } } });
    expect(result.firstBreak?.detail).toMatch(/events 5–8/);
  });

  it("signs a checkpoint every N events and reports the unsigned tail", async () => {
    await resetChain(10);
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(result).toMatchObject({ ok: true, count: 10, signatures: { status: "signed", checkpoints: 2, lastCheckpoint: { seq: "8", keyId: "test-key" }, unsignedTail: 2 } });
  });

  it("rejects a forged checkpoint, one by an unknown key, and checkpoints beyond a removed tail", async () => {
    await resetChain(8);
    await tamper(`UPDATE audit_checkpoints SET signed_at = signed_at + interval '1 second' WHERE seq = 4`);
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "4", reason: "checkpoint_signature_invalid" });
    const other = generateKeyPairSync("ed25519").publicKey;
    await resetChain(8);
    expect((await verifyAuditChain(database.prisma, { verifyKeys: [{ keyId: "other", publicKey: other }] })).firstBreak).toMatchObject({ seq: "4", reason: "checkpoint_unknown_key" });
    expect((await verifyAuditChain(database.prisma, { verifyKeys: [{ keyId: null, publicKey: other }] })).firstBreak).toMatchObject({ reason: "checkpoint_signature_invalid" });
    await tamper("DELETE FROM audit_events WHERE seq >= 6");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "8", reason: "checkpoint_beyond_head" });
  });

  it("chains the checkpoints: a dropped middle checkpoint, or the newest but one, is caught", async () => {
    await resetChain(16);
    // Checkpoints at 4, 8, 12, 16.
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).signatures).toMatchObject({ checkpoints: 4, lastCheckpoint: { seq: "16" } });
    await tamper("DELETE FROM audit_checkpoints WHERE seq = 8");
    const middle = await verifyAuditChain(database.prisma, { verifyKeys });
    expect(middle).toMatchObject({ ok: false, firstBreak: { seq: "12", reason: "checkpoint_chain_broken" } });
    expect(middle.firstBreak?.detail).toMatch(/follows the checkpoint at event 8.*removed or reordered/);

    await resetChain(16);
    await tamper("DELETE FROM audit_checkpoints WHERE seq = 12");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "16", reason: "checkpoint_chain_broken" });

    // Dropping the newest one (and its events) leaves a consistent prefix: only a head recorded
    // elsewhere (an export's signed head) sees that.
    await resetChain(16);
    const recorded = (await verifyAuditChain(database.prisma, { verifyKeys })).head!;
    await tamper("DELETE FROM audit_checkpoints WHERE seq = 16");
    await tamper("DELETE FROM audit_events WHERE seq >= 13");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).ok).toBe(true);
    expect((await verifyAuditChain(database.prisma, { verifyKeys, expectedHead: recorded })).firstBreak).toMatchObject({ reason: "head_mismatch" });
  });

  it("catches checkpoints swapped between two chains' positions (re-linked by seq)", async () => {
    await resetChain(12);
    // Move checkpoint 8 to 12's place and drop 12: its signature no longer matches its seq.
    await tamper("DELETE FROM audit_checkpoints WHERE seq = 12");
    await tamper("UPDATE audit_checkpoints SET seq = 12 WHERE seq = 8");
    expect((await verifyAuditChain(database.prisma, { verifyKeys })).firstBreak).toMatchObject({ seq: "12", reason: "checkpoint_signature_invalid" });
  });

  it("checkpoints are append-only too", async () => {
    await resetChain(4);
    await expect(database.prisma.$executeRawUnsafe("UPDATE audit_checkpoints SET hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("DELETE FROM audit_checkpoints")).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe("TRUNCATE audit_checkpoints")).rejects.toThrow(/append-only/);
  });

  it("does not fork under concurrent writers", async () => {
    await resetChain(0);
    const writers = 40;
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        database.prisma.$transaction((tx) => appendAuditEvent(tx, actor, { action: "test.concurrent", targetType: "thing", targetId: String(i) }, { signing })),
      ),
    );
    const result = await verifyAuditChain(database.prisma, { verifyKeys });
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

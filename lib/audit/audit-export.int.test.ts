import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { computeAuditHash } from "@/lib/audit/hash";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { streamAuditExport } from "@/lib/audit/services/stream-audit-export";
import { verifyAuditExport } from "@/lib/audit/services/verify-audit-export";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let lines: string[];
const keys = generateKeyPairSync("ed25519");
const signing: TAuditSigning = { signer: { keyId: "k1", privateKey: keys.privateKey }, verifyKeys: [{ keyId: "k1", publicKey: keys.publicKey }], every: 100 };
// An auditor holds the public key only, without an id.
const verifyKeys = [{ keyId: null, publicKey: keys.publicKey }];
const events = (ls: string[]) => ls.filter((l) => l.includes('"type":"event"'));

async function exportLines(): Promise<string[]> {
  return (await new Response(streamAuditExport(database.prisma, { signing })).text()).trimEnd().split("\n");
}

/** Re-hashes an exported file after editing event `index` (0-based among events), as a forger without the key would. */
function forge(source: string[], index: number): string[] {
  let prevHash: string | null = null;
  let i = -1;
  return source.map((l) => {
    const r = JSON.parse(l);
    if (r.type === "trailer") return JSON.stringify({ ...r, head: { seq: r.head.seq, hash: prevHash } });
    if (r.type !== "event") return l;
    i += 1;
    if (i === index) r.action = "forged.action";
    if (prevHash) r.prevHash = prevHash;
    r.hash = computeAuditHash({ ...r, seq: BigInt(r.seq), time: new Date(r.time) });
    prevHash = r.hash;
    return JSON.stringify(r);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 1_250; i += 250) {
    await database.prisma.$transaction(async (tx) => {
      for (let j = i; j < i + 250; j++) await appendAuditEvent(tx, null, { action: "test.event", targetType: "thing", targetId: String(j), summary: { n: j, note: "ünïcødé ✓" } }, { signing });
    });
  }
  lines = await exportLines();
});
afterAll(async () => {
  await database?.dispose();
});

describe("audit export", () => {
  it("streams a header, the checkpoints, every event in order (across pages) and a trailer with the signed head", async () => {
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: "header", format: "tokenward.audit.v3" });
    // 12 interval checkpoints (every 100) + one signed at the export's head (#1250).
    expect(lines.filter((l) => l.includes('"type":"checkpoint"'))).toHaveLength(13);
    expect(events(lines)).toHaveLength(1_250);
    const trailer = JSON.parse(lines.at(-1)!);
    expect(trailer).toMatchObject({ type: "trailer", count: 1_250, head: { seq: "1250" }, signedHead: { seq: "1250", keyId: "k1" } });
    expect(await verifyAuditExport(lines, { verifyKeys })).toMatchObject({ ok: true, count: 1_250, head: trailer.head, checkpoints: 13, signedHead: { seq: "1250" } });
    expect(await database.prisma.auditCheckpoint.findUnique({ where: { seq: 1250n } })).not.toBeNull();
  });

  it("refuses to vouch without a key unless asked, and rejects another key", async () => {
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, error: expect.stringMatching(/no public key/) });
    expect(await verifyAuditExport(lines, { unsigned: true })).toMatchObject({ ok: true, count: 1_250 });
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(await verifyAuditExport(lines, { verifyKeys: [{ keyId: null, publicKey: other }] })).toMatchObject({ ok: false, error: expect.stringMatching(/invalid signature/) });
    expect(await verifyAuditExport(lines, { verifyKeys: [{ keyId: "k2", publicKey: keys.publicKey }] })).toMatchObject({ ok: false, error: expect.stringMatching(/not given/) });
  });

  it("catches an edited event whose tail was re-hashed in the file, even with the checkpoints stripped", async () => {
    const forged = forge(lines, 150);
    expect(await verifyAuditExport(forged, { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/checkpoint signed at event 200/) });
    const stripped = forged.filter((l) => !l.includes('"type":"checkpoint"'));
    expect(await verifyAuditExport(stripped, { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/signed head is not the chain's head/) });
    const unsignedTrailer = stripped.map((l) => (l.includes('"type":"trailer"') ? JSON.stringify({ ...JSON.parse(l), signedHead: null }) : l));
    expect(await verifyAuditExport(unsignedTrailer, { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/no signed head/) });
    // What the hash chain alone would have said about the same forgery:
    expect(await verifyAuditExport(unsignedTrailer, { unsigned: true })).toMatchObject({ ok: true });
  });

  it("catches an export made after the database was rewritten and re-hashed", async () => {
    const db = database.prisma;
    await db.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
    try {
      const rows = await db.auditEvent.findMany({ where: { seq: { gte: 1201n } }, orderBy: { seq: "asc" } });
      let prevHash = (await db.auditEvent.findUnique({ where: { seq: 1200n } }))!.hash;
      await db.$executeRawUnsafe("UPDATE audit_events SET prev_hash = 'x' || seq, hash = 'y' || seq WHERE seq >= 1201");
      for (const row of rows) {
        const action = row.seq === 1201n ? "forged.action" : row.action;
        const hash = computeAuditHash({ ...row, action, prevHash });
        await db.auditEvent.update({ where: { seq: row.seq }, data: { action, prevHash, hash } });
        prevHash = hash;
      }
    } finally {
      await db.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
    }
    // The export signs a fresh head over the forged tail, but the head signed by the first export stands.
    expect(await verifyAuditExport(await exportLines(), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/checkpoint signed at event 1250/) });
  });

  it("catches a checkpoint dropped from the file: a middle one, or the newest before the signed head", async () => {
    const checkpoints = lines.filter((l) => l.includes('"type":"checkpoint"'));
    expect(JSON.parse(checkpoints[0]!)).toMatchObject({ v: 2, seq: "100", prevSeq: "0" });
    const without = (line: string) => lines.filter((l) => l !== line);
    expect(await verifyAuditExport(without(checkpoints[5]!), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/follows the checkpoint at event 600.*removed or reordered/) });
    // The newest non-head checkpoint (#1200): the head's link names it.
    expect(await verifyAuditExport(without(checkpoints.at(-2)!), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/event 1250 follows the checkpoint at event 1200/) });
    // The head checkpoint itself: the trailer's signed head is no longer the newest listed one.
    expect(await verifyAuditExport(without(checkpoints.at(-1)!), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/removed from the file/) });
  });

  it("still verifies a tokenward.audit.v2 export (v1 checkpoints, no links)", async () => {
    const { sign } = await import("node:crypto");
    const { canonicalJson } = await import("@/lib/audit/hash");
    const v1 = (r: { seq: string; hash: string; signedAt: string; keyId: string }) => {
      const unsigned = { v: 1, seq: r.seq, hash: r.hash, signedAt: r.signedAt, keyId: r.keyId };
      return { seq: r.seq, hash: r.hash, signedAt: r.signedAt, keyId: r.keyId, signature: sign(null, Buffer.from(canonicalJson(unsigned)), keys.privateKey).toString("base64") };
    };
    const old = lines.map((l) => {
      const r = JSON.parse(l);
      if (r.type === "header") return JSON.stringify({ ...r, format: "tokenward.audit.v2" });
      if (r.type === "checkpoint") return JSON.stringify({ type: "checkpoint", ...v1(r) });
      if (r.type === "trailer") return JSON.stringify({ ...r, signedHead: v1(r.signedHead) });
      return l;
    });
    expect(await verifyAuditExport(old, { verifyKeys })).toMatchObject({ ok: true, count: 1_250, checkpoints: 13 });
    expect(await verifyAuditExport(old.map((l) => l.replace("tokenward.audit.v2", "tokenward.audit.v9")), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/unknown export format/) });
  });

  it("verifies offline against a head recorded earlier", async () => {
    const event = JSON.parse(events(lines)[100]!);
    expect((await verifyAuditExport(lines, { verifyKeys, expectedHead: { seq: event.seq, hash: event.hash } })).ok).toBe(true);
    expect(await verifyAuditExport(lines, { verifyKeys, expectedHead: { seq: event.seq, hash: "f".repeat(64) } })).toMatchObject({ ok: false });
    expect(await verifyAuditExport(lines, { verifyKeys, expectedHead: { seq: "9999", hash: event.hash } })).toMatchObject({ ok: false, error: expect.stringMatching(/removed/) });
  });

  it("catches an edited, a removed and a swapped line, a cut-short file and a removed tail", async () => {
    const at = lines.findIndex((l) => l.includes('"seq":"10","time"'));
    const edited = [...lines];
    edited[at] = edited[at]!.replace('"n":9', '"n":10');
    expect(await verifyAuditExport(edited, { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/changed/) });
    expect((await verifyAuditExport(lines.filter((_, i) => i !== at), { verifyKeys })).ok).toBe(false);
    const swapped = [...lines];
    [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
    expect((await verifyAuditExport(swapped, { verifyKeys })).ok).toBe(false);
    expect(await verifyAuditExport(lines.slice(0, -1), { verifyKeys })).toMatchObject({ ok: false, error: expect.stringMatching(/cut short/) });
  });
});

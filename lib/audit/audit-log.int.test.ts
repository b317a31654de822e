import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { verifyAuditChainOperation } from "@/lib/audit/operations";
import { getAuditEvent, lastChainVerification, listAuditLog, listEntityHistory, auditFilterOptions, type TAuditEventRow } from "@/lib/audit/queries";
import { auditEventsRoute } from "@/lib/audit/routes";
import { ZAuditLogQuery, type TAuditLogQuery } from "@/lib/audit/schemas";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { prismaReader, type TSqlReader } from "@/lib/db/sql-reader";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The audit log's filters and keyset paging against the database (PGlite and PostgreSQL): every
 * filter, ties on time broken by seq, pages that neither skip nor repeat, the API's answers to
 * tampered queries, entity history, and the stored verification runs.
 */

let database: TTestDatabase;
let read: TSqlReader;
let actors: Record<TRole, TActor> & { spareAdmin: TActor };
const credA = randomUUID();
const credB = randomUUID();
const APP = "http://localhost:3000";
const route = routeDefinitionOf(auditEventsRoute)!;

const q = (input: Record<string, unknown>): TAuditLogQuery => ZAuditLogQuery.parse(input);

/** Every page of a query, following the cursor. */
async function allPages(input: Record<string, unknown>): Promise<{ rows: TAuditEventRow[]; pages: number }> {
  const rows: TAuditEventRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await listAuditLog(q({ ...input, ...(cursor ? { cursor } : {}) }), read);
    rows.push(...page.items);
    pages += 1;
    if (!page.nextCursor) return { rows, pages };
    cursor = page.nextCursor;
  }
}

async function get(path: string, actor: TActor | null) {
  const response = await executeRoute(database.prisma, route, actor, new Request(`${APP}${path}`), read, APP);
  return { status: response.status, body: (await response.json()) as { items?: TAuditEventRow[]; nextCursor?: string | null; error?: { code: string; message: string } } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  read = prismaReader(database.prisma);
  actors = await createRoleUsers(database.prisma);
  // 2026-11-01 … 2026-11-30: one day per event block, so the time filters have edges to test.
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    await database.prisma.$transaction(async (tx) => {
      // Twelve events in one millisecond (seq 1–12, newest of all): the cursor must break the tie by
      // seq as a number (9 before 10 when read as text).
      vi.setSystemTime(new Date(Date.UTC(2026, 11, 1, 0, 0, 0)));
      for (let i = 0; i < 12; i++) await appendAuditEvent(tx, actors.auditor, { action: "test.tie", targetType: "thing", targetId: String(i) });
      for (let day = 1; day <= 30; day++) {
        for (let k = 0; k < 4; k++) {
          vi.setSystemTime(new Date(Date.UTC(2026, 10, day, 12, 0, k)));
          const who = k === 0 ? null : k === 1 ? actors.admin : k === 2 ? actors.owner : actors.security;
          const target = k === 2 ? credA : k === 3 ? credB : randomUUID();
          await appendAuditEvent(tx, who, { action: k === 3 ? "credentials.verify" : "ownership.assign", targetType: k === 0 ? "provider" : "credential", targetId: target, summary: { before: { owner: null }, after: { owner: "x" } } });
        }
      }
    }, { timeout: 60_000 });
  } finally {
    vi.useRealTimers();
  }
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("audit log paging", () => {
  it("pages newest first by (time, seq) without skipping or repeating, across pages and ties", async () => {
    const { rows, pages } = await allPages({ limit: 7 });
    expect(rows).toHaveLength(132);
    expect(pages).toBe(19);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(132);
    const keys = rows.map((r) => [Date.parse(r.time), BigInt(r.seq)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [t0, s0] = keys[i - 1]!;
      const [t1, s1] = keys[i]!;
      expect(t0 > t1 || (t0 === t1 && s0 > s1)).toBe(true);
    }
    // The tie: twelve events in one millisecond, split over pages of 5, in numeric seq order.
    const tie = await allPages({ action: "test.tie", limit: 5 });
    expect(tie.rows.map((r) => r.seq)).toEqual(["12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1"]);
  });

  it("returns times in UTC, exactly as stored", async () => {
    const [newest] = (await listAuditLog(q({ action: "credentials.verify", limit: 1 }), read)).items;
    expect(newest!.time).toBe("2026-11-30T12:00:03.000Z");
  });
});

describe("audit log filters", () => {
  it("filters by actor: user id, e-mail (any case) or system", async () => {
    const byId = await allPages({ actor: actors.owner.id });
    expect(byId.rows).toHaveLength(30);
    expect(byId.rows.every((r) => r.actorId === actors.owner.id)).toBe(true);
    const byEmail = await allPages({ actor: actors.owner.email.toUpperCase() });
    expect(byEmail.rows.map((r) => r.seq)).toEqual(byId.rows.map((r) => r.seq));
    const system = await allPages({ actor: "system" });
    expect(system.rows).toHaveLength(30);
    expect(system.rows.every((r) => r.actorId === null)).toBe(true);
    expect((await allPages({ actor: "nobody@example.com" })).rows).toEqual([]);
  });

  it("filters by action, by target type and by target", async () => {
    expect((await allPages({ action: "credentials.verify" })).rows).toHaveLength(30);
    expect((await allPages({ targetType: "provider" })).rows).toHaveLength(30);
    const a = await allPages({ targetType: "credential", targetId: credA });
    expect(a.rows).toHaveLength(30);
    expect(a.rows.every((r) => r.targetId === credA)).toBe(true);
  });

  it("filters by time range: from inclusive, a day in 'to' includes that day, a time in 'to' excludes it", async () => {
    expect((await allPages({ from: "2026-11-10", to: "2026-11-12" })).rows).toHaveLength(12);
    expect((await allPages({ from: "2026-11-10T12:00:01", to: "2026-11-10T12:00:03" })).rows.map((r) => r.time)).toEqual([
      "2026-11-10T12:00:02.000Z",
      "2026-11-10T12:00:01.000Z",
    ]);
    expect((await allPages({ from: "2026-12-01" })).rows).toHaveLength(12);
  });

  it("combines filters (AND) and pages within them", async () => {
    const r = await allPages({ actor: actors.security.id, action: "credentials.verify", targetType: "credential", targetId: credB, from: "2026-11-05", to: "2026-11-14", limit: 3 });
    expect(r.rows).toHaveLength(10);
    expect(r.pages).toBe(4);
    expect((await allPages({ actor: actors.security.id, action: "ownership.assign" })).rows).toEqual([]);
  });

  it("offers the recorded actions and target types as filter choices", async () => {
    const options = await auditFilterOptions(read);
    expect(options.actions).toEqual(["credentials.verify", "ownership.assign", "test.tie"]);
    expect(options.targetTypes).toEqual(["credential", "provider", "thing"]);
  });
});

describe("GET /api/v1/audit/events", () => {
  it("answers every role with the same page the page shows, and nobody with 401", async () => {
    for (const role of ["admin", "security", "owner", "auditor"] as const) {
      const res = await get(`/api/v1/audit/events?action=credentials.verify&limit=5`, actors[role]);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(5);
    }
    const next = await get(`/api/v1/audit/events?action=credentials.verify&limit=5`, actors.owner);
    const page2 = await get(`/api/v1/audit/events?action=credentials.verify&limit=5&cursor=${next.body.nextCursor}`, actors.owner);
    expect(page2.body.items!.map((r) => r.seq)).toEqual((await listAuditLog(q({ action: "credentials.verify", limit: 10 }), read)).items.slice(5).map((r) => r.seq));
    expect((await get(`/api/v1/audit/events`, null)).status).toBe(401);
  });

  it.each([
    ["a cursor that is not one", "cursor=abc"],
    ["a cursor with extra parts", "cursor=1.2.3"],
    ["a cursor past the last date", "cursor=99999999999999999.1"],
    ["a cursor seq past bigint", "cursor=1733400000000.9223372036854775808"],
    ["a negative cursor", "cursor=-1.5"],
    ["SQL in the cursor", "cursor=1.1%27%20OR%201%3D1--"],
    ["a day that does not exist", "from=2026-02-31"],
    ["a range that ends before it starts", "from=2026-11-10&to=2026-11-01"],
    ["a target id without a type", `targetId=${credA}`],
    ["SQL in the action", "action=x%27%3B%20DROP%20TABLE%20audit_events--"],
    ["an actor that is neither", "actor=robert%27);%20DROP"],
    ["an unknown parameter", "sort=asc"],
    ["a parameter twice", "action=a.b&action=c.d"],
    ["a limit too large", "limit=5000"],
    ["an overlong target id", `targetType=credential&targetId=${"a".repeat(300)}`],
  ])("refuses %s with 400 VALIDATION and writes nothing", async (_name, qs) => {
    const before = await database.prisma.auditEvent.count();
    const res = await get(`/api/v1/audit/events?${qs}`, actors.auditor);
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe("VALIDATION");
    expect(res.body.error!.message).not.toMatch(/Invalid input|expected/);
    expect(await database.prisma.auditEvent.count()).toBe(before);
  });
});

describe("entity history", () => {
  it("lists only the entity's own events, newest first, for every role including owners", async () => {
    const history = await listEntityHistory("credential", credA, 10, read);
    expect(history.items).toHaveLength(10);
    expect(history.items.every((r) => r.targetType === "credential" && r.targetId === credA)).toBe(true);
    expect(history.nextCursor).not.toBeNull();
    // An owner reads their credentials' history through the same route (audit.read reaches every role).
    const res = await get(`/api/v1/audit/events?targetType=credential&targetId=${credA}&limit=10`, actors.owner);
    expect(res.body.items!.map((r) => r.seq)).toEqual(history.items.map((r) => r.seq));
    expect((await listEntityHistory("identity", credA, 10, read)).items).toEqual([]);
  });
});

describe("event detail and chain status", () => {
  it("reads one event with the first checkpoint at or after it", async () => {
    const event = await getAuditEvent(15n, database.prisma);
    expect(event).toMatchObject({ seq: "15", action: "ownership.assign", actorId: actors.owner.id, targetId: credA });
    expect(await getAuditEvent(999_999n, database.prisma)).toBeNull();
  });

  it("stores each verification run in the chain and reports the last one, with its first broken link", async () => {
    expect(await lastChainVerification(read)).toBeNull();
    const ok = await executeOperation(database.prisma, verifyAuditChainOperation, actors.auditor, {});
    expect(ok).toMatchObject({ ok: true, data: { ok: true, count: 132 } });
    expect(await lastChainVerification(read)).toMatchObject({ ok: true, count: 132, actorLabel: expect.stringContaining("auditor"), firstBreak: null, head: { seq: "132" } });

    // A row written behind the app's back (a wrong hash) breaks the chain at its seq.
    const head = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await database.prisma.auditEvent.create({
      data: { seq: head.seq + 1n, time: new Date(), actorLabel: "intruder", action: "forged", targetType: "thing", summary: {}, prevHash: head.hash, hash: "f".repeat(64) },
    });
    const broken = await executeOperation(database.prisma, verifyAuditChainOperation, actors.security, {});
    expect(broken).toMatchObject({ ok: true, data: { ok: false, firstBreak: { seq: String(head.seq + 1n), reason: "hash_mismatch" } } });
    expect(await lastChainVerification(read)).toMatchObject({ ok: false, firstBreak: { seq: String(head.seq + 1n), reason: "hash_mismatch" }, actorLabel: expect.stringContaining("security") });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { THopPage } from "@/lib/usage/hop-log-params";
import { buildHopQuery } from "@/lib/usage/hop-log-sql";
import { listHopsRoute } from "@/lib/usage/routes";
import { ZHopQuery } from "@/lib/usage/schemas";

/**
 * The hop-log explorer's API: every filter, keyset paging both ways without loss or repeat (ties on
 * time included), owners' reach, hostile query strings and cursors (400, never 500), and every
 * filter answered by an ordered index walk rather than a sort of the table.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let mine: string;
let teams: string;
let theirs: string;
const T0 = Date.parse("2026-11-20T10:00:00.000Z");
const OUTCOMES = ["allowed", "denied", "error", "task_completed"] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const team = await database.prisma.team.create({ data: { name: "Hop team", slug: "hop-team" } });
  await database.prisma.teamMembership.create({ data: { teamId: team.id, userId: actors.owner.id } });
  actors.owner = { ...actors.owner, teamIds: [team.id] };
  const provider = await database.prisma.provider.create({ data: { name: "Hop provider", type: "github" } });
  const cred = (name: string, data: { ownerId?: string; teamId?: string }) => database.prisma.credential.create({ data: { name, kind: "pat", providerId: provider.id, hint: name.slice(-4), ...data } });
  mine = (await cred("owner's own", { ownerId: actors.owner.id })).id;
  teams = (await cred("team's", { teamId: team.id })).id;
  theirs = (await cred("someone else's", { ownerId: actors.security.id })).id;
  const creds = [mine, teams, theirs];
  // 90 hops: three credentials, three callers, two targets, tools, outcomes; pairs share a timestamp
  // so the id half of the keyset is exercised.
  await database.prisma.usageEvent.createMany({
    data: Array.from({ length: 90 }, (_, i) => ({
      eventId: `ev-${i}`, time: new Date(T0 + Math.floor(i / 2) * 60_000), traceId: `trace-${Math.floor(i / 3)}`, spanId: `span-${i}`,
      credentialId: creds[i % 3], callerKind: "agent" as const, callerId: `agent-${i % 3}`, targetKind: "mcp_server" as const, targetId: `server-${i % 2}`,
      tool: i % 5 === 0 ? null : `tool-${i % 4}`, outcome: OUTCOMES[i % 4]!,
    })),
  });
});
afterAll(async () => {
  await database?.dispose();
});

async function get(qs: string, actor: TActor = actors.security) {
  const response = await executeRoute(database.prisma, routeDefinitionOf(listHopsRoute)!, actor, new Request(`http://localhost/api/v1/usage/events?${qs}`), database.read);
  return { status: response.status, body: (await response.json()) as THopPage & { error?: { code: string; message: string } } };
}

async function all(qs: string, actor?: TActor): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const { status, body } = await get(`${qs}&limit=7${cursor ? `&after=${cursor}` : ""}`, actor);
    expect(status).toBe(200);
    out.push(...body.items.map((h) => h.eventId));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return out;
}

const expected = (pick: (i: number) => boolean) =>
  Array.from({ length: 90 }, (_, i) => i).filter(pick).sort((a, b) => Math.floor(b / 2) - Math.floor(a / 2) || b - a).map((i) => `ev-${i}`);

describe("hop log explorer API", () => {
  it("pages the whole log newest first, ties broken by id, and back again", async () => {
    const forward = await all("");
    expect(forward).toEqual(expected(() => true));
    // Walk back from the last page with before= and land on the first one, in order.
    const p1 = await get("limit=40");
    const p2 = await get(`limit=40&after=${p1.body.nextCursor}`);
    expect(p2.body.prevCursor).not.toBeNull();
    const back = await get(`limit=40&before=${p2.body.prevCursor}`);
    expect(back.body.items.map((h) => h.eventId)).toEqual(p1.body.items.map((h) => h.eventId));
    expect(back.body.prevCursor).toBeNull();
    expect(back.body.nextCursor).toBe(p1.body.nextCursor);
    expect(p1.body.items[0]).toMatchObject({ eventId: "ev-89", traceId: "trace-29", credential: { id: theirs, name: "someone else's" }, caller: { kind: "agent", id: "agent-2" }, target: { id: "server-1" } });
  });

  it.each([
    ["caller=agent-1", (i: number) => i % 3 === 1],
    ["target=server-0", (i: number) => i % 2 === 0],
    ["tool=tool-2", (i: number) => i % 5 !== 0 && i % 4 === 2],
    ["outcome=denied", (i: number) => i % 4 === 1],
    ["trace=trace-4", (i: number) => Math.floor(i / 3) === 4],
    ["from=2026-11-20T10:10&to=2026-11-20T10:20", (i: number) => Math.floor(i / 2) >= 10 && Math.floor(i / 2) < 20],
    ["caller=agent-0&target=server-1&outcome=error", (i: number) => i % 3 === 0 && i % 2 === 1 && i % 4 === 2],
  ])("filters %s", async (qs, pick) => {
    expect(await all(qs)).toEqual(expected(pick));
  });

  it("filters by credential", async () => {
    expect(await all(`credential=${theirs}`)).toEqual(expected((i) => i % 3 === 2));
  });

  it("shows owners only the hops of credentials they or their team own; others see all", async () => {
    expect(await all("", actors.owner)).toEqual(expected((i) => i % 3 !== 2));
    expect(await all(`credential=${theirs}`, actors.owner)).toEqual([]);
    expect(await all(`credential=${teams}`, actors.owner)).toEqual(expected((i) => i % 3 === 1));
    expect((await all("", actors.auditor)).length).toBe(90);
  });

  it.each([
    ["after=" + Buffer.from(JSON.stringify(["2026-11-20T10:00:00.000Z", 1e300])).toString("base64url"), /cursor is not a page cursor/],
    ["after=" + Buffer.from(JSON.stringify(["2026-11-20T10:00:00.000Z", "1e300"])).toString("base64url"), /cursor is not a page cursor/],
    ["before=" + Buffer.from(JSON.stringify(["+275760-09-13T00:00:00.000Z", "1"])).toString("base64url"), /cursor is not a page cursor/],
    ["after=" + Buffer.from(JSON.stringify(["2026-11-20T10:00:00.000Z\u0000", "1"])).toString("base64url"), /cursor is not a page cursor/],
    ["from=275760-09-13", /from: must be a date/],
    ["to=1e300", /to: must be a date/],
    ["caller=a%00b", /caller: must be 1 to 512 characters without control characters/],
    ["trace=a%00b", /trace: must be a trace id/],
    ["credential=1e300", /credential: must be a credential id/],
    ["outcome=granted", /outcome: "granted" is not an outcome/],
    ["limit=1e300", /limit: must be a whole number/],
    ["caller=a&caller=b", /caller is given 2 times/],
  ])("answers %s with 400 VALIDATION", async (qs, message) => {
    const { status, body } = await get(qs);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("VALIDATION");
    expect(body.error?.message).toMatch(message);
  });

  it.each([
    [{}],
    [{ credential: "00000000-0000-7000-8000-000000000001" }],
    [{ caller: "agent-1" }],
    [{ target: "server-0" }],
    [{ tool: "tool-1" }],
    [{ outcome: "denied" }],
    [{ caller: "agent-1", target: "server-0", tool: "tool-1", outcome: "denied", from: "2026-11-20", to: "2026-11-21" }],
  ])("walks an index in order for %j, never sorting the table", async (filter) => {
    // (A trace is a handful of hops: its own index and a sort of those few rows is the plan there.)
    const plan = buildHopQuery(ZHopQuery.parse({ ...filter, after: Buffer.from(JSON.stringify(["2026-11-20T10:30:00.000Z", "50"])).toString("base64url") }), { actor: actors.security, reach: "any" });
    // Tiny tables make a sequential scan cheapest; forbid it to see which index would serve the walk.
    const [row] = await database.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      return tx.$queryRawUnsafe<Record<string, unknown>[]>(`EXPLAIN (FORMAT JSON) ${plan.text}`, ...plan.values);
    });
    const text = JSON.stringify(row!["QUERY PLAN"]);
    // usage_events is partitioned by month: one index family walked on every partition (Merge Append keeps the order).
    const scans = [...text.matchAll(/"Node Type":"([^"]+)"[^{}]*?"Relation Name":"(usage_events(?:_p\d{6}|_default)?)"/g)];
    expect(scans.length, text).toBeGreaterThan(0);
    expect(new Set(scans.map((m) => m[1])), text).toEqual(new Set(["Index Scan"]));
    const families = new Set([...text.matchAll(/"Index Name":"usage_events(?:_p\d{6}|_default)?_([a-z_]+)"/g)].map((m) => m[1]));
    expect(families.size, text).toBe(1);
    // The inner LIMIT sits on the index walk: no Sort below it over usage_events.
    const inner = text.slice(text.indexOf('"Node Type":"Limit"'));
    expect(inner.indexOf('"Node Type":"Sort"') === -1 || inner.indexOf('"Node Type":"Sort"') > inner.indexOf('"Relation Name":"usage_events'), text).toBe(true);
  });
});

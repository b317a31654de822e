import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAutoRefreshing } from "@/lib/inventory/auto-refresh";
import { isOrphaned } from "@/lib/inventory/orphaned";
import { orphaned as orphanedFactor } from "@/lib/risk/factors/orphaned";
import { classifyScopes } from "@/lib/scopes/classify";
import { privilegeSet } from "@/lib/scopes/privileges";
import { loadScoringInputs } from "@/lib/risk/services/load-scoring-inputs";
import { countCredentials, getCredentialDetail, getFilterOptions, listCredentials, listCredentialsBody } from "@/lib/inventory/queries";
import { EXACT_COUNT_LIMIT, SORTS } from "@/lib/inventory/query-builder";
import { countCredentialsRoute, listCredentialsRoute } from "@/lib/inventory/routes";
import type { TCredentialFilter, TCredentialListQuery, TSortDir, TSortKey } from "@/lib/inventory/query-params";
import { ZCredentialFilter, ZCredentialListQuery } from "@/lib/inventory/schemas";
import { STALE_AFTER_DAYS } from "@/lib/inventory/vocabulary";
import { computeOverview } from "@/lib/overview/queries";
import { seedDatabase } from "@/lib/seed";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The inventory list on a seeded organisation, on PGlite and PostgreSQL: every filter against a
 * reference implementation in plain TypeScript, every sort against an independent ORDER BY, keyset
 * paging without duplicates or gaps (also while rows are inserted), counts, the route handlers, and
 * the overview tiles agreeing with the inventory views they link to.
 */

const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const SOME_ID = "0199a0c0-0000-7000-8000-000000000001";
const forgedCursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
const DAY = 86_400_000;
const CREDENTIALS = 450;

let database: TTestDatabase;
let prisma: PrismaClient;
let actor: TActor;

type TRef = {
  id: string; name: string; kind: string; status: string; environment: string; providerId: string; ownerId: string | null;
  teamId: string | null; identityId: string | null; expiresAt: number | null; lastUsedAt: number | null; issuedAt: number | null;
  createdAt: number; riskLevel: string; riskFrameworks: string[]; riskFactorIds: string[]; riskPrivileges: string[]; exposureCount: number; consumerCount: number; scopes: string[];
  externalId: string | null; hint: string | null; autoRefresh: boolean; orphaned: boolean;
};
let refs: TRef[] = [];
let inactiveUsers = new Set<string>();
let identityKind = new Map<string, string>();
let heldVia = new Map<string, Set<string>>(); // holder identity → credential ids (bindings)
let serverCreds = new Map<string, Set<string>>(); // MCP server → credential ids (either direction)

async function loadReference() {
  const rows = await prisma.credential.findMany({
    select: {
      id: true, name: true, kind: true, status: true, environment: true, providerId: true, ownerId: true, teamId: true, identityId: true,
      expiresAt: true, lastUsedAt: true, issuedAt: true, createdAt: true, risk: { select: { level: true, frameworks: true, factorIds: true, privileges: true } }, exposureCount: true,
      consumerCount: true, scopes: true, externalId: true, hint: true, refreshCredential: { select: { status: true, expiresAt: true } },
    },
  });
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  refs = rows.map(({ risk, refreshCredential, ...r }) => ({
    ...r, riskLevel: risk!.level, riskFrameworks: risk!.frameworks, riskFactorIds: risk!.factorIds, riskPrivileges: risk!.privileges, expiresAt: ms(r.expiresAt), lastUsedAt: ms(r.lastUsedAt), issuedAt: ms(r.issuedAt),
    createdAt: r.createdAt.getTime(), autoRefresh: isAutoRefreshing(r, refreshCredential, NOW), orphaned: false,
  }));
  inactiveUsers = new Set((await prisma.user.findMany({ where: { active: false }, select: { id: true } })).map((u) => u.id));
  const users = new Map((await prisma.user.findMany({ select: { id: true, active: true } })).map((u) => [u.id, u]));
  const identities = new Map((await prisma.identity.findMany({ select: { id: true, ownerId: true, teamId: true } })).map((i) => [i.id, i]));
  const ownership = (o: { ownerId: string | null; teamId: string | null } | undefined) => o && { owner: o.ownerId ? users.get(o.ownerId) : null, team: o.teamId };
  for (const r of refs) r.orphaned = isOrphaned(ownership(r)!, ownership(r.identityId ? identities.get(r.identityId) : undefined));
  identityKind = new Map((await prisma.identity.findMany({ select: { id: true, kind: true } })).map((i) => [i.id, i.kind]));
  heldVia = new Map();
  serverCreds = new Map();
  for (const b of await prisma.binding.findMany()) {
    if (b.holderIdentityId) heldVia.set(b.holderIdentityId, (heldVia.get(b.holderIdentityId) ?? new Set()).add(b.credentialId));
    for (const s of [b.targetMcpServerId, b.holderMcpServerId]) if (s) serverCreds.set(s, (serverCreds.get(s) ?? new Set()).add(b.credentialId));
  }
}

/** The reference semantics of every filter, written without SQL. */
function matches(r: TRef, f: TCredentialFilter, now = NOW.getTime()): boolean {
  const inList = <T>(list: T[] | undefined, v: T) => !list || list.includes(v);
  if (!inList(f.status, r.status as never) || !inList(f.kind, r.kind as never) || !inList(f.env, r.environment as never)) return false;
  if (!inList(f.provider, r.providerId) || !inList(f.risk, r.riskLevel as never)) return false;
  if (f.owner && (f.owner === "none" ? r.ownerId !== null : r.ownerId !== f.owner)) return false;
  if (f.team && (f.team[0] === "none" ? r.teamId !== null : !f.team.includes(r.teamId ?? ""))) return false;
  if (f.orphaned && !r.orphaned) return false;
  if (f.holder && !(r.identityId && f.holder.includes(identityKind.get(r.identityId) as never))) return false;
  if (f.identity && !(r.identityId === f.identity || heldVia.get(f.identity)?.has(r.id))) return false;
  if (f.server && !serverCreds.get(f.server)?.has(r.id)) return false;
  if (f.framework && !r.riskFrameworks.includes(f.framework)) return false;
  if (f.factor && !r.riskFactorIds.includes(f.factor)) return false;
  // The orphaned factor's heldOnlyWhere: its holders that are orphaned now.
  if (f.factor === "orphaned" && !r.orphaned) return false;
  if (f.privilege && !f.privilege.some((p) => r.riskPrivileges.includes(p))) return false;
  if (f.expiresWithin !== undefined && !(r.expiresAt !== null && r.expiresAt >= now && r.expiresAt < now + f.expiresWithin * DAY)) return false;
  if (f.neverExpires && r.expiresAt !== null) return false;
  if (f.autoRefresh && r.autoRefresh !== (f.autoRefresh === "only")) return false;
  if (f.lastUsedBefore && !(r.lastUsedAt !== null && r.lastUsedAt < Date.parse(`${f.lastUsedBefore}T00:00:00Z`))) return false;
  if (f.lastUsedAfter && !(r.lastUsedAt !== null && r.lastUsedAt >= Date.parse(`${f.lastUsedAfter}T00:00:00Z`))) return false;
  if (f.neverUsed && r.lastUsedAt !== null) return false;
  if (f.unusedFor !== undefined) {
    const cut = now - f.unusedFor * DAY;
    if (!(r.lastUsedAt !== null ? r.lastUsedAt < cut : (r.issuedAt ?? r.createdAt) < cut)) return false;
  }
  if (f.exposed && r.exposureCount === 0) return false;
  if (f.shared && r.consumerCount < 2) return false;
  if (f.scope && !r.scopes.some((s) => s.toLowerCase().includes(f.scope!.toLowerCase()))) return false;
  return true;
}

function query(params: Record<string, string>): TCredentialListQuery {
  return ZCredentialListQuery.parse(params);
}

/** Every row of a query, page by page (forward), asserting no id is seen twice. */
async function walk(q: TCredentialListQuery, between?: (page: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await listCredentials(prisma, { ...q, after }, NOW);
    ids.push(...result.items.map((i) => i.id));
    if (!result.nextCursor) break;
    after = result.nextCursor;
    await between?.(page);
  }
  expect(new Set(ids).size, "no credential appears on two pages").toBe(ids.length);
  return ids;
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: CREDENTIALS, seed: 11, now: NOW, demoPassword: "inventory-test-password" });
  // The seed leaves scoring to the risk engine: give some rows scores and framework items so the
  // risk filters and the risk sort have material (ties included).
  await prisma.$executeRawUnsafe(`UPDATE credential_risks SET score = 70, level = 'high', frameworks = ARRAY['NHI7','NHI5'], factor_ids = ARRAY['long-lived','over-privileged'] WHERE credential_id IN (SELECT id FROM credentials ORDER BY id LIMIT 40)`);
  await prisma.$executeRawUnsafe(`UPDATE credential_risks SET score = 92, level = 'critical', frameworks = ARRAY['NHI2'], factor_ids = ARRAY['exposed'] WHERE credential_id IN (SELECT id FROM credentials ORDER BY id DESC LIMIT 15)`);
  await prisma.$executeRawUnsafe(`UPDATE credential_risks SET score = 35, level = 'medium' WHERE credential_id IN (SELECT id FROM credentials ORDER BY name LIMIT 30) AND score = 0`);
  // Privilege classes as the risk engine stores them (its own writer is tested in lib/risk); the
  // seed grants only catalogued scopes, so a few rows get one the catalogue does not know.
  await prisma.$executeRawUnsafe(`UPDATE credentials SET scopes = scopes || ARRAY['frobnicate:everything'] WHERE id IN (SELECT id FROM credentials ORDER BY name DESC LIMIT 3)`);
  const grants = await prisma.credential.findMany({ select: { id: true, scopes: true, provider: { select: { type: true } } } });
  await prisma.$executeRawUnsafe(
    `UPDATE credential_risks r SET privileges = v.privileges FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, privileges text[]) WHERE r.credential_id = v.id`,
    JSON.stringify(grants.map((g) => ({ id: g.id, privileges: privilegeSet(classifyScopes(g.provider.type, g.scopes)) }))),
  );
  await prisma.$executeRawUnsafe("ANALYZE");
  await loadReference();
  const u = await prisma.user.findUniqueOrThrow({ where: { email: "security@tokenward.local" } });
  actor = { id: u.id, email: u.email, name: u.name, role: "security", teamIds: [] };
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("the seeded data the inventory relies on", () => {
  it("has maintained counters and sort names", async () => {
    const [bad] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM credentials c
        WHERE c.exposure_count <> (SELECT count(*) FROM exposures e WHERE e.credential_id = c.id AND e.resolved_at IS NULL)
           OR c.consumer_count <> (SELECT count(DISTINCT coalesce(b.holder_identity_id, b.holder_mcp_server_id)) FROM bindings b WHERE b.credential_id = c.id)
           OR c.provider_name <> (SELECT name FROM providers p WHERE p.id = c.provider_id)
           OR c.owner_name IS DISTINCT FROM (SELECT name FROM users u WHERE u.id = c.owner_id)
           OR c.team_name IS DISTINCT FROM (SELECT name FROM teams t WHERE t.id = c.team_id)`,
    );
    expect(bad?.n).toBe(0);
    expect(refs.some((r) => r.exposureCount > 0)).toBe(true);
    expect(refs.some((r) => r.consumerCount > 1)).toBe(true);
  });
});

describe("sorting and keyset paging", () => {
  const sorts = Object.keys(SORTS) as TSortKey[];
  for (const sort of sorts) {
    for (const dir of ["asc", "desc"] as TSortDir[]) {
      it(`${sort} ${dir}: pages join up to one ORDER BY, NULLs in their fixed place`, async () => {
        const spec = SORTS[sort];
        const nulls = !spec.nulls ? "" : (spec.nulls === "high") === (dir === "asc") ? " NULLS LAST" : " NULLS FIRST";
        const expected = (await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT c.id FROM credentials c JOIN credential_risks r ON r.credential_id = c.id ORDER BY ${spec.column} ${dir}${nulls}, c.id ${dir}`)).map((r) => r.id);
        const walked = await walk({ ...query({ sort, dir, limit: "37" }) });
        expect(walked).toEqual(expected);
      });
    }
  }

  it("pages backwards with `before` to exactly the page it came from", async () => {
    const q = query({ sort: "expires", dir: "asc", limit: "25", status: "active,expired" });
    const p1 = await listCredentials(prisma, q, NOW);
    const p2 = await listCredentials(prisma, { ...q, after: p1.nextCursor! }, NOW);
    const p3 = await listCredentials(prisma, { ...q, after: p2.nextCursor! }, NOW);
    expect(p1.prevCursor).toBeNull();
    const back2 = await listCredentials(prisma, { ...q, before: p3.prevCursor! }, NOW);
    expect(back2.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
    const back1 = await listCredentials(prisma, { ...q, before: back2.prevCursor! }, NOW);
    expect(back1.items.map((i) => i.id)).toEqual(p1.items.map((i) => i.id));
    expect(back1.prevCursor).toBeNull();
    expect(back1.nextCursor).not.toBeNull();
  });

  it("answers the same body through the driver's reader as through Prisma", async () => {
    const q = query({ sort: "risk", dir: "desc", limit: "20", status: "active" });
    const viaPrisma = JSON.stringify(await listCredentials(prisma, q, NOW));
    expect(JSON.stringify(JSON.parse(await listCredentialsBody(database.read, q, NOW)))).toBe(viaPrisma);
  });

  it("refuses a cursor from another sort order with a clear message", async () => {
    const p1 = await listCredentials(prisma, query({ sort: "name", limit: "5" }), NOW);
    await expect(listCredentials(prisma, { ...query({ sort: "created" }), after: p1.nextCursor! }, NOW)).rejects.toThrow(/another sort order/);
    await expect(listCredentials(prisma, { ...query({}), after: "bm90LWEtY3Vyc29y" }, NOW)).rejects.toThrow(/not a page cursor/);
  });

  it("is stable while credentials are inserted: no duplicates, no gaps", async () => {
    const provider = await prisma.provider.findFirstOrThrow();
    const before = new Set(refs.map((r) => r.id));
    const inserted: string[] = [];
    for (const [sort, dir] of [["name", "asc"], ["created", "desc"], ["expires", "asc"], ["lastUsed", "desc"]] as [TSortKey, TSortDir][]) {
      const walked = await walk(query({ sort, dir, limit: "30" }), async (page) => {
        // Rows landing before and after the cursor, in both NULL and non-NULL segments.
        for (const [name, expiresAt, lastUsedAt] of [
          [`aaa inserted ${sort}-${page}`, new Date(NOW.getTime() - 400 * DAY), null],
          [`zzz inserted ${sort}-${page}`, null, new Date(NOW.getTime() + DAY)],
          [`mmm inserted ${sort}-${page}`, new Date(NOW.getTime() + 5 * DAY), new Date(NOW.getTime() - 50 * DAY)],
        ] as const) {
          const c = await prisma.credential.create({
            data: { name, kind: "api_key", providerId: provider.id, expiresAt, lastUsedAt, createdAt: new Date(NOW.getTime() - (page % 2 ? 1000 : -1000) * DAY) },
          });
          inserted.push(c.id);
        }
      });
      const seen = new Set(walked);
      const missing = [...before].filter((id) => !seen.has(id));
      expect(missing, `${sort} ${dir}: every credential present from the start is listed once`).toEqual([]);
      for (const id of seen) expect(before.has(id) || inserted.includes(id)).toBe(true);
    }
    await prisma.credential.deleteMany({ where: { id: { in: inserted } } });
  });
});

describe("filters", () => {
  const filters = (): [string, Record<string, string>][] => {
    const owner = refs.find((r) => r.ownerId && !inactiveUsers.has(r.ownerId))!.ownerId!;
    const team = refs.find((r) => r.teamId)!.teamId!;
    const providers = [...new Set(refs.map((r) => r.providerId))];
    const holder = [...heldVia.entries()].sort((a, b) => b[1].size - a[1].size)[0]![0];
    const server = [...serverCreds.entries()].sort((a, b) => b[1].size - a[1].size)[0]![0];
    const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);
    return [
      ["status", { status: "active" }],
      ["several statuses", { status: "expired,revoked" }],
      // Statuses that never read the clock: the bound "now" must not be left unreferenced (42P18).
      ["revoked alone", { status: "revoked" }],
      ["disabled alone", { status: "disabled" }],
      ["expired alone", { status: "expired" }],
      ["provider", { provider: providers[0]! }],
      ["provider + status", { provider: `${providers[0]},${providers[1]}`, status: "active" }],
      ["kind", { kind: "pat" }],
      ["environment", { env: "dev" }],
      ["risk level", { risk: "high,critical" }],
      ["owner", { owner }],
      ["no owner", { owner: "none" }],
      ["team", { team }],
      ["no team", { team: "none" }],
      ["orphaned", { orphaned: "1" }],
      ["holder kind", { holder: "agent,mcp_client" }],
      ["identity (own and bound)", { identity: holder }],
      ["MCP server", { server }],
      ["framework item", { framework: "NHI7" }],
      ["risk factor", { factor: "over-privileged" }],
      ["risk factor with no hit", { factor: "passthrough" }],
      ["privilege admin or wildcard", { privilege: "admin,wildcard" }],
      ["privilege unknown", { privilege: "unknown" }],
      ["write grants, active, by a prod holder", { privilege: "write", status: "active", env: "prod" }],
      ["expires within 30 days", { expiresWithin: "30" }],
      ["never expires", { neverExpires: "1" }],
      ["auto-refreshing only", { autoRefresh: "only" }],
      ["expiring this week, auto-refreshing left out", { status: "active", expiresWithin: "7", autoRefresh: "exclude" }],
      ["last used before", { lastUsedBefore: day(-60) }],
      ["last used after", { lastUsedAfter: day(-7) }],
      ["last used between", { lastUsedAfter: day(-90), lastUsedBefore: day(-30) }],
      ["never used", { neverUsed: "1" }],
      ["unused for 90 days", { unusedFor: String(STALE_AFTER_DAYS) }],
      ["exposed", { exposed: "1" }],
      ["shared", { shared: "1" }],
      ["scope contains", { scope: "WRITE" }],
      ["scope with LIKE wildcards taken literally", { scope: "%_" }],
      ["never-expiring, write scope, used from dev last week", { status: "active", neverExpires: "1", scope: "write", env: "dev", lastUsedAfter: day(-7) }],
      ["owner's expiring active", { owner, status: "active", expiresWithin: "365" }],
      ["orphaned exposed prod", { orphaned: "1", exposed: "1", env: "prod" }],
    ];
  };

  it("each case has something to find (the cases are meaningful)", () => {
    const nonEmpty = filters().filter(([, params]) => refs.some((r) => matches(r, ZCredentialFilter.parse(params))));
    expect(nonEmpty.length).toBeGreaterThan(filters().length - 4);
  });

  it.each([["risk", "desc"], ["name", "asc"], ["expires", "asc"]] as const)("every filter returns exactly the reference rows (sorted by %s %s)", async (sort, dir) => {
    for (const [label, params] of filters()) {
      const filter = ZCredentialFilter.parse(params);
      const expected = refs.filter((r) => matches(r, filter)).map((r) => r.id).sort();
      const walked = await walk(query({ ...params, sort, dir, limit: "97" }));
      expect([...walked].sort(), label).toEqual(expected);
      const count = await countCredentials(prisma, filter, NOW);
      expect(count, label).toEqual({ value: expected.length, precision: "exact" });
    }
  });

  it("finds by name prefix, external id and last four characters", async () => {
    const sample = refs.find((r) => r.hint && r.externalId)!;
    const byHint = await walk(query({ q: sample.hint! }));
    expect(byHint).toContain(sample.id);
    const word = sample.name.split(/[^A-Za-z0-9]+/).find((w) => w.length > 4)!;
    const prefix = word.slice(0, 4).toLowerCase();
    const byPrefix = await walk(query({ q: prefix }));
    expect(byPrefix).toContain(sample.id);
    const tokens = (r: TRef) => `${r.name} ${r.externalId ?? ""} ${r.hint ?? ""}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    for (const id of byPrefix) expect(tokens(refs.find((r) => r.id === id)!).some((t) => t.startsWith(prefix))).toBe(true);
    const byExternal = await walk(query({ q: sample.externalId! }));
    expect(byExternal).toContain(sample.id);
    expect(await walk(query({ q: "zzzznotthere" }))).toEqual([]);
  });
});

describe("counts", () => {
  it("is exact up to the limit and never counts past it", async () => {
    expect(EXACT_COUNT_LIMIT).toBeGreaterThan(CREDENTIALS);
    expect(await countCredentials(prisma, {}, NOW)).toEqual({ value: refs.length, precision: "exact" });
  });
});

describe("route handlers", () => {
  const call = (handler: unknown, qs: string) => executeRoute(prisma, routeDefinitionOf(handler)!, actor, new Request(`http://localhost/api/v1/credentials?${qs}`));

  it("serves a page and its count as JSON", async () => {
    const response = await call(listCredentialsRoute, "status=active&sort=expires&limit=10");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string; status: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(10);
    expect(body.items.every((i) => i.status === "active")).toBe(true);
    const next = await call(listCredentialsRoute, `status=active&sort=expires&limit=10&after=${body.nextCursor}`);
    expect(((await next.json()) as { items: { id: string }[] }).items[0]!.id).not.toBe(body.items[0]!.id);
    const count = await call(countCredentialsRoute, "status=active");
    // The route reads at the wall clock, after the seed's NOW: credentials that expired since are not active.
    const now = Date.now();
    expect(await count.json()).toEqual({ value: refs.filter((r) => r.status === "active" && (r.expiresAt === null || r.expiresAt > now)).length, precision: "exact" });
  });

  it.each([
    ["status=bogus", /status: "bogus" is not a status/],
    ["provider=abc", /provider: "abc" is not a provider id/],
    ["expiresWithin=0", /expiresWithin must be a whole number of days/],
    ["neverExpires=1&expiresWithin=7", /cannot be combined/],
    ["lastUsedBefore=2026-02-30", /lastUsedBefore must be a date/],
    ["sort=color", /sort must be one of/],
    ["limit=1000", /limit must be a whole number from 1 to 200/],
    ["sort=name&after=bm9wZQ", /not a page cursor/],
    // Tampered cursors that decode to values PostgreSQL itself refuses (a 500 before): out of range, NUL.
    [`sort=risk&dir=desc&after=${forgedCursor(["risk", "desc", 1e300, SOME_ID])}`, /not a page cursor/],
    [`sort=risk&dir=desc&after=${forgedCursor(["risk", "desc", 40000, SOME_ID])}`, /not a page cursor/],
    [`sort=expires&dir=asc&after=${forgedCursor(["expires", "asc", "+275760-09-13T00:00:00.000Z", SOME_ID])}`, /not a page cursor/],
    [`sort=expires&dir=asc&after=${forgedCursor(["expires", "asc", "275760-01-01", SOME_ID])}`, /not a page cursor/],
    [`sort=name&dir=asc&after=${forgedCursor(["name", "asc", "a\u0000b", SOME_ID])}`, /not a page cursor/],
    ["owner=me", /"me" is not a user id/],
    ["color=red", /"color" is not an inventory parameter/],
  ])("refuses %s with a clear 400", async (qs, message) => {
    const response = await call(listCredentialsRoute, qs);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toMatch(message);
  });
});

describe("overview", () => {
  it("every tile equals the count of the inventory view it links to", async () => {
    const overview = await computeOverview(prisma, NOW);
    const active = { status: ["active" as const] };
    const pairs: [number, TCredentialFilter][] = [
      [overview.tiles.total, {}],
      [overview.tiles.active, active],
      [overview.tiles.expiring7, { ...active, expiresWithin: 7, autoRefresh: "exclude" }],
      [overview.tiles.expiring30, { ...active, expiresWithin: 30, autoRefresh: "exclude" }],
      [overview.tiles.neverExpires, { ...active, neverExpires: true }],
      [overview.tiles.stale, { ...active, unusedFor: STALE_AFTER_DAYS }],
      [overview.tiles.orphaned, { ...active, orphaned: true }],
      [overview.tiles.exposed, { ...active, exposed: true }],
      [overview.tiles.shared, { ...active, shared: true }],
      [overview.tiles.highRisk, { ...active, risk: ["high", "critical"] }],
    ];
    for (const [tile, filter] of pairs) expect(tile).toBe(refs.filter((r) => matches(r, filter)).length);
    expect(overview.byProvider.reduce((n, p) => n + p.count, 0)).toBe(refs.length);
    expect(overview.byStatus.reduce((n, p) => n + p.count, 0)).toBe(refs.length);
    expect(overview.discoveredPerWeek).toHaveLength(12);
  });
});

describe("orphaned: one definition (lib/inventory/orphaned.ts)", () => {
  it("the list flag, the detail, the filter and the risk factor agree, including ownership read through the identity", async () => {
    const listed = new Map<string, boolean>();
    for (let after: string | undefined, page = 0; page < 100; page++) {
      const result = await listCredentials(prisma, { ...query({ limit: "200" }), after }, NOW);
      for (const i of result.items) listed.set(i.id, i.orphaned);
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    for (const r of refs) expect(listed.get(r.id), r.name).toBe(r.orphaned);
    // The factor fires on exactly these, reading the scorer's own inputs (nothing is written).
    const inputs = await loadScoringInputs(prisma, { kind: "all" }, NOW.getTime(), 30);
    expect(inputs).toHaveLength(refs.length);
    const byId = new Map(refs.map((r) => [r.id, r]));
    for (const i of inputs) expect(orphanedFactor.evaluate(i.credential, i.context, orphanedFactor.defaults) !== null, i.credential.name).toBe(byId.get(i.credential.id)!.orphaned);
    // The seed exercises each branch: a team keeps it owned; an identity's owner or team stands in.
    expect(refs.some((r) => r.orphaned)).toBe(true);
    expect(refs.some((r) => !r.orphaned && r.ownerId === null && r.teamId !== null)).toBe(true);
    expect(refs.some((r) => !r.orphaned && r.ownerId === null && r.teamId === null)).toBe(true);
    const sample = refs.find((r) => !r.orphaned && r.ownerId === null && r.teamId === null)!;
    expect((await getCredentialDetail(prisma, sample.id, { role: "security" }))?.detail.orphaned).toBe(false);
    const lone = refs.find((r) => r.orphaned)!;
    expect((await getCredentialDetail(prisma, lone.id, { role: "security" }))?.detail.orphaned).toBe(true);
  });

  it("factor=orphaned lists the factor's holders that are orphaned now: a score that lags an ownership change lists nothing stale", async () => {
    const orphans = refs.filter((r) => r.orphaned).slice(0, 3).map((r) => r.id);
    const owned = refs.filter((r) => !r.orphaned).slice(0, 2).map((r) => r.id);
    // Scores as the risk engine would leave them for a moment if an owner were set without a rescore.
    await prisma.$executeRawUnsafe(`UPDATE credential_risks SET factor_ids = factor_ids || ARRAY['orphaned'] WHERE credential_id = ANY($1::uuid[])`, [...orphans, ...owned]);
    try {
      for (const sort of ["name", "risk", "expires"] as const) {
        expect((await walk(query({ factor: "orphaned", sort, limit: "2" }))).sort()).toEqual([...orphans].sort());
      }
      expect(await countCredentials(prisma, { factor: "orphaned" }, NOW)).toEqual({ value: orphans.length, precision: "exact" });
    } finally {
      await prisma.$executeRawUnsafe(`UPDATE credential_risks SET factor_ids = array_remove(factor_ids, 'orphaned') WHERE credential_id = ANY($1::uuid[])`, [...orphans, ...owned]);
    }
  });
});

describe("people in the inventory payload", () => {
  it("an owner gets owners' names only: no e-mail in the detail, only active users by name in the pickers", async () => {
    const owned = refs.find((r) => r.ownerId !== null)!;
    const asOwner = (await getCredentialDetail(prisma, owned.id, { role: "owner" }))!;
    expect(asOwner.detail.owner).not.toBeNull();
    expect(asOwner.detail.owner).not.toHaveProperty("email");
    expect(JSON.stringify(asOwner)).not.toMatch(/@/);
    const asSecurity = (await getCredentialDetail(prisma, owned.id, { role: "security" }))!;
    expect(asSecurity.detail.owner?.email).toMatch(/@/);

    const ownerOptions = await getFilterOptions(prisma, { role: "owner" });
    expect(ownerOptions.users.length).toBeGreaterThan(0);
    expect(ownerOptions.users.every((u) => u.active && !("email" in u))).toBe(true);
    const auditorOptions = await getFilterOptions(prisma, { role: "auditor" });
    expect(auditorOptions.users.some((u) => !u.active)).toBe(inactiveUsers.size > 0);
    expect(auditorOptions.users.every((u) => typeof u.email === "string")).toBe(true);
  });
});

describe("credential detail", () => {
  it("returns every field, bindings as a highlighted topology, and exposures", async () => {
    const exposed = refs.find((r) => r.exposureCount > 0 && r.consumerCount > 0)!;
    const result = (await getCredentialDetail(prisma, exposed.id, actor))!;
    expect(result.detail).toMatchObject({ id: exposed.id, name: exposed.name, exposureCount: exposed.exposureCount });
    expect(result.detail.exposures.filter((e) => !e.resolvedAt)).toHaveLength(exposed.exposureCount);
    expect(result.detail.bindings.length).toBeGreaterThan(0);
    expect(result.topology.edges.some((e) => e.highlighted)).toBe(true);
    for (const e of result.topology.edges) {
      expect(result.topology.nodes.some((n) => n.id === e.source)).toBe(true);
      expect(result.topology.nodes.some((n) => n.id === e.target)).toBe(true);
    }
    expect(await getCredentialDetail(prisma, "00000000-0000-7000-8000-000000000000", actor)).toBeNull();
  });
});

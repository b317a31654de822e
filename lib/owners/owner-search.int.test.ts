import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { searchOwnersRoute } from "@/lib/owners/routes";
import type { TOwnerSearchResult } from "@/lib/owners/schemas";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * The owner picker's search (GET /api/v1/owners) at the scale of a 5,000-person company: 5,000
 * users and 1,000 teams, prefix and substring matches, what each role may see and search, bad
 * input, the indexes, and suggestions with their reasons. On PGlite and PostgreSQL.
 */

const USERS = 5000;
const TEAMS = 1000;
const FIRST = ["Ada", "Bram", "Chloé", "Dmitri", "Esther", "Farid", "Greta", "Hiro", "Ines", "Jonas"];
const LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Quinn", "Novak", "Haddad", "Silva", "Kowalski", "Brennan"];

let database: TTestDatabase;
let prisma: PrismaClient;
let actors: Record<TRole, TActor>;

async function get(actor: TActor | null, qs: string): Promise<{ status: number; body: TOwnerSearchResult & { error?: { code: string; message: string } } }> {
  const response = await executeRoute(prisma, routeDefinitionOf(searchOwnersRoute)!, actor, new Request(`http://localhost/api/v1/owners?${qs}`));
  return { status: response.status, body: (await response.json()) as TOwnerSearchResult & { error?: { code: string; message: string } } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  actors = await createRoleUsers(prisma);
  await prisma.user.createMany({
    data: Array.from({ length: USERS }, (_, i) => ({
      name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${String(i).padStart(4, "0")}`,
      email: `p${String(i).padStart(4, "0")}.${LAST[Math.floor(i / 10) % 10]!.toLowerCase()}@corp.example`,
      role: "owner" as const,
      active: i % 50 !== 7,
    })),
  });
  await prisma.team.createMany({ data: Array.from({ length: TEAMS }, (_, i) => ({ name: `Team ${LAST[i % 10]} ${String(i).padStart(4, "0")}`, slug: `team-${i}` })) });
  await prisma.$executeRawUnsafe("ANALYZE users");
  await prisma.$executeRawUnsafe("ANALYZE teams");
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("GET /api/v1/owners: search", () => {
  it("matches name prefixes case-insensitively, active users only, ordered by name", async () => {
    const { status, body } = await get(actors.security, "kind=user&q=GRETA%20quinn&limit=50");
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((o) => o.kind === "user" && o.name.startsWith("Greta Quinn"))).toBe(true);
    const names = body.items.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // i % 50 === 7 is deactivated: "… 0007" is Hiro Okafor 0007; never offered.
    expect((await get(actors.security, "kind=user&q=hiro%20okafor%200007")).body.items).toEqual([]);
  });

  it("then substrings: a surname finds people whose first name differs", async () => {
    const { body } = await get(actors.security, "kind=user&q=tanaka&limit=50");
    expect(body.items).toHaveLength(50);
    expect(body.items.every((o) => /tanaka/i.test(o.name) || /tanaka/i.test(o.email ?? ""))).toBe(true);
  });

  it("searches e-mail addresses for roles with users.read, and shows them", async () => {
    const { body } = await get(actors.security, "kind=user&q=p4242.");
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ name: expect.stringMatching(/4242$/), email: "p4242.quinn@corp.example" });
  });

  it("gives owners names only: no e-mail in answers, and an e-mail is no search key (it would reveal it)", async () => {
    const byName = await get(actors.owner, "kind=user&q=ada%20okafor");
    expect(byName.status).toBe(200);
    expect(byName.body.items.length).toBeGreaterThan(0);
    expect(byName.body.items.every((o) => !("email" in o))).toBe(true);
    expect(JSON.stringify(byName.body)).not.toContain("@corp.example");
    expect((await get(actors.owner, "kind=user&q=p4242.quinn")).body.items).toEqual([]);
  });

  it("searches teams by name", async () => {
    const { body } = await get(actors.admin, "kind=team&q=team%20moreau%2000");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((o) => o.kind === "team" && o.name.startsWith("Team Moreau 00"))).toBe(true);
  });

  it("treats % and _ as text, not wildcards", async () => {
    expect((await get(actors.admin, "kind=user&q=%25")).body.items).toEqual([]);
    expect((await get(actors.admin, "kind=user&q=_")).body.items).toEqual([]);
  });

  const bad: [string, string, RegExp][] = [
    ["no kind", "q=ada", /kind must be user or team/],
    ["an unknown kind", "kind=robot", /kind must be user or team/],
    ["a limit out of range", "kind=user&limit=500", /limit must be between 1 and 50/],
    ["a limit that is not a number", "kind=user&limit=ten", /limit must be a number/],
    ["a search text too long", `kind=user&q=${"a".repeat(101)}`, /at most 100 characters/],
    ["an unknown parameter", "kind=user&role=admin", /role/],
    ["a malformed credential id", "kind=user&credentialIds=1;drop", /credentialIds must be comma-separated credential ids/],
    ["two suggestion targets", "kind=user&identityId=0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b&mcpServerId=0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", /not several/],
  ];
  for (const [label, qs, message] of bad) {
    it(`answers 400 for ${label}`, async () => {
      const { status, body } = await get(actors.admin, qs);
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(message);
    });
  }

  it("is refused to auditors (they assign nothing) and to anonymous callers", async () => {
    expect((await get(actors.auditor, "kind=user&q=ada")).status).toBe(403);
    expect((await get(null, "kind=user&q=ada")).status).toBe(401);
  });

  it("stays fast at 5,000 users and 1,000 teams; the prefix step uses the lower(…) index", async () => {
    const queries = ["kind=user&q=es", "kind=user&q=jonas%20br", "kind=user&q=silva", "kind=user&q=p3", "kind=team&q=team%20h", "kind=team&q=kowal", "kind=user"];
    for (const qs of queries) await get(actors.security, qs); // warm
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const qs of queries) {
        const t0 = performance.now();
        expect((await get(actors.security, qs)).status).toBe(200);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.info(`owner search over ${USERS} users / ${TEAMS} teams: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (whole route, ${times.length} requests)`);
    expect(median).toBeLessThan(100);
    await prisma.$executeRawUnsafe("SET enable_seqscan = off");
    const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      "EXPLAIN SELECT id FROM users t WHERE t.active AND (lower(t.name) LIKE 'zz%' OR lower(t.email) LIKE 'zz%') ORDER BY lower(t.name), t.id LIMIT 20",
    );
    await prisma.$executeRawUnsafe("RESET enable_seqscan");
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("users_name_lower_idx");
    expect(text).toContain("users_email_lower_idx");
  });
});

describe("GET /api/v1/owners: suggestions", () => {
  it("suggests the identity's owner, the person most often seen using it and the holding MCP server's team, each with its reason", async () => {
    const provider = await prisma.provider.create({ data: { name: "GitHub", type: "github" } });
    const [identityOwner, frequent, rare, stranger] = await prisma.user.findMany({ where: { active: true, email: { endsWith: "@corp.example" } }, orderBy: { email: "asc" }, take: 4 });
    const [serverTeam, identityTeam] = await prisma.team.findMany({ orderBy: { slug: "asc" }, take: 2 });
    const identity = await prisma.identity.create({ data: { kind: "service_account", name: "deploy-bot", ownerId: identityOwner!.id, teamId: identityTeam!.id } });
    const credential = await prisma.credential.create({ data: { name: "deploy token", kind: "pat", providerId: provider.id, identityId: identity.id } });
    const server = await prisma.mcpServer.create({ data: { name: "github-mcp", transport: "streamable_http", authMode: "oauth", teamId: serverTeam!.id } });
    await prisma.binding.create({ data: { credentialId: credential.id, holderMcpServerId: server.id, targetProviderId: provider.id } });
    const now = Date.now();
    const use = (who: string, i: number, daysAgo = 1) => ({
      eventId: `e-${who}-${i}`, time: new Date(now - daysAgo * 86_400_000), traceId: `t${i}`, spanId: `s${i}`, credentialId: credential.id,
      callerKind: "user" as const, callerId: who, targetKind: "provider_api" as const, targetId: "api.github.com", outcome: "allowed" as const,
    });
    await prisma.usageEvent.createMany({
      data: [
        ...[0, 1, 2].map((i) => use(frequent!.email, i)),
        use(rare!.email, 3),
        // Older than the window: does not count.
        ...[4, 5, 6, 7].map((i) => use(stranger!.email, i, 200)),
      ],
    });

    const users = (await get(actors.security, `kind=user&credentialIds=${credential.id}`)).body.suggestions;
    expect(users.map((s) => [s.id, s.reason])).toEqual([
      [identityOwner!.id, "owns the identity “deploy-bot”"],
      [frequent!.id, "most often seen using it: 3 uses in 90 days"],
      [rare!.id, "most often seen using it: 1 use in 90 days"],
    ]);
    expect(users[0]!.email).toBe(identityOwner!.email);
    // Owners see the same reasons, without e-mail addresses.
    const forOwner = (await get(actors.owner, `kind=user&credentialIds=${credential.id}`)).body.suggestions;
    expect(forOwner.map((s) => s.id)).toEqual(users.map((s) => s.id));
    expect(forOwner.every((s) => !("email" in s))).toBe(true);

    const teams = (await get(actors.security, `kind=team&credentialIds=${credential.id}`)).body.suggestions;
    expect(teams.map((s) => [s.id, s.reason])).toEqual([
      [serverTeam!.id, "team of MCP server “github-mcp”"],
      [identityTeam!.id, "team of the identity “deploy-bot”"],
    ]);

    // An identity's picker: the people using its credentials; an owner already in place is no suggestion.
    await prisma.credential.update({ where: { id: credential.id }, data: { ownerId: frequent!.id } });
    const forIdentity = (await get(actors.security, `kind=user&identityId=${identity.id}`)).body.suggestions;
    expect(forIdentity.map((s) => s.id)).toEqual([identityOwner!.id, rare!.id]);
    // Typing replaces suggestions with search results.
    expect((await get(actors.security, `kind=user&q=ada&credentialIds=${credential.id}`)).body.suggestions).toEqual([]);
  });

  it("suggests nothing when nothing is known", async () => {
    const provider = await prisma.provider.create({ data: { name: "Slack", type: "slack" } });
    const credential = await prisma.credential.create({ data: { name: "lonely", kind: "pat", providerId: provider.id } });
    expect((await get(actors.security, `kind=user&credentialIds=${credential.id}`)).body.suggestions).toEqual([]);
    expect((await get(actors.security, `kind=team&credentialIds=${credential.id}`)).body.suggestions).toEqual([]);
  });
});

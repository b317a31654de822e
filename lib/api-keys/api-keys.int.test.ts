import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyOperation, revokeApiKeyOperation } from "@/lib/api-keys/operations";
import { authenticateApiKey } from "@/lib/api-keys/services/authenticate-api-key";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import type { TActor } from "@/lib/auth/actor";
import { exportAuditRoute } from "@/lib/audit/routes";
import { listCredentialsRoute } from "@/lib/inventory/routes";
import { createMemoryRateLimitStore } from "@/lib/security/rate-limit";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Machine callers through the same seam as people: a key made by an admin reads the inventory API;
 * a scope it lacks, an expired or revoked key, a key whose creator lost the role, a deactivated
 * creator and a forged or malformed token are all refused, with nothing written but what says so.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
});
afterAll(async () => {
  await database?.dispose();
});

async function createKey(actor: TActor, input: Record<string, unknown>): Promise<TCreatedApiKey> {
  const result = await executeOperation(database.prisma, createApiKeyOperation, actor, { expiresInDays: 30, ...input });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

function get(handler: unknown, headers: Record<string, string>, session: TActor | null = null, path = "/api/v1/credentials") {
  return executeRoute(database.prisma, routeDefinitionOf(handler)!, session, new Request(`http://localhost${path}`, { headers }), database.read);
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("API keys against the read API", () => {
  it("creates a key shown once, hashed at rest, in the inventory as a scored Tokenward credential, audited without the token", async () => {
    const key = await createKey(actors.admin, { name: "CI inventory export", scopes: ["inventory:read"] });
    expect(key.token).toMatch(/^twk_[0-9a-f]{12}_/);
    const row = await database.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).not.toContain(key.token.slice(17));
    expect(JSON.stringify(row)).not.toContain(key.token);
    const credential = await database.prisma.credential.findUniqueOrThrow({ where: { id: key.credentialId }, include: { provider: true, risk: true } });
    expect(credential).toMatchObject({ kind: "api_key", externalId: key.prefix, scopes: ["inventory:read"], ownerId: actors.admin.id, status: "active", hint: key.token.slice(-4) });
    expect(credential.provider).toMatchObject({ name: "Tokenward", type: "tokenward" });
    expect(credential.fingerprint).toBe(`sha256:${row.secretHash}`);
    expect(credential.risk?.scoredAt).not.toBeNull();
    const events = await database.prisma.auditEvent.findMany({ where: { action: "api_keys.create" } });
    expect(events.map((e) => e.targetType).sort()).toEqual(["api_key", "credential"]);
    const all = await database.prisma.auditEvent.findMany({ select: { actorLabel: true, summary: true } });
    expect(JSON.stringify(all)).not.toContain(key.token.slice(17));
  });

  it("reads the inventory with the key, acting for its creator, and tracks last use on the key and its credential", async () => {
    const key = await createKey(actors.admin, { name: "reader", scopes: ["inventory:read"] });
    const response = await get(listCredentialsRoute, bearer(key.token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id)).toContain(key.credentialId);
    const row = await database.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: key.credentialId } })).lastUsedAt).toEqual(row.lastUsedAt);
  });

  it("refuses a route outside the key's scopes (403), recording the denial with the key", async () => {
    const key = await createKey(actors.admin, { name: "inventory only", scopes: ["inventory:read"] });
    const response = await get(exportAuditRoute, bearer(key.token), null, "/api/v1/audit/export");
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/scopes/);
    const denial = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { seq: "desc" } });
    expect(denial.actorLabel).toContain(key.prefix);
    expect(denial.summary).toMatchObject({ apiKey: key.prefix, permission: "audit.export" });
  });

  it("refuses an expired key (401) and says so to the holder of the token", async () => {
    const key = await createKey(actors.admin, { name: "short-lived", scopes: ["inventory:read"] });
    await database.prisma.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await get(listCredentialsRoute, bearer(key.token));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/expired/);
  });

  it("refuses a revoked key at once (401), and its inventory row says revoked", async () => {
    const key = await createKey(actors.admin, { name: "to revoke", scopes: ["inventory:read"] });
    expect((await get(listCredentialsRoute, bearer(key.token))).status).toBe(200);
    expect(await executeOperation(database.prisma, revokeApiKeyOperation, actors.admin, { id: key.id })).toMatchObject({ ok: true });
    const response = await get(listCredentialsRoute, bearer(key.token));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/revoked/);
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: key.credentialId } })).status).toBe("revoked");
    const again = await executeOperation(database.prisma, revokeApiKeyOperation, actors.admin, { id: key.id });
    expect(again.ok ? null : again.error.code).toBe("CONFLICT");
  });

  it("refuses what the creator's current role no longer allows (over-role), and a deactivated creator's key", async () => {
    const creator = await database.prisma.user.create({ data: { email: "key-admin@test.local", name: "Key admin", role: "admin" } });
    const admin: TActor = { id: creator.id, email: creator.email, name: creator.name, role: "admin", teamIds: [] };
    const key = await createKey(admin, { name: "auditor feed", scopes: ["inventory:read", "audit:export"] });
    await database.prisma.user.update({ where: { id: creator.id }, data: { role: "owner" } });
    const over = await get(exportAuditRoute, bearer(key.token), null, "/api/v1/audit/export");
    expect(over.status).toBe(403);
    expect((await get(listCredentialsRoute, bearer(key.token))).status).toBe(200);
    await database.prisma.user.update({ where: { id: creator.id }, data: { active: false } });
    const gone = await get(listCredentialsRoute, bearer(key.token));
    expect(gone.status).toBe(401);
    expect((await errorOf(gone)).message).toMatch(/deactivated/);
  });

  it.each([
    ["a malformed header", { authorization: "Basic YWRtaW46YWRtaW4=" }],
    ["a malformed token", bearer("twk_nothex")],
    ["a forged secret for a real prefix", "forge"],
    ["an unknown prefix", bearer(`twk_000000000000_${"A".repeat(43)}`)],
  ] as const)("refuses %s with 401 and a Bearer challenge, even beside a valid session", async (_, headers) => {
    let h: Record<string, string>;
    if (headers === "forge") {
      const key = await createKey(actors.admin, { name: "forge target", scopes: ["inventory:read"] });
      h = bearer(`${key.prefix}_${"B".repeat(43)}`);
    } else h = headers;
    const response = await get(listCredentialsRoute, h, actors.security);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("spends a per-key budget: the request over it is RATE_LIMITED with Retry-After", async () => {
    const key = await createKey(actors.admin, { name: "budgeted", scopes: ["inventory:read"] });
    const store = createMemoryRateLimitStore();
    const options = { store, limitPerMinute: 2, clientAddress: null };
    await authenticateApiKey(database.prisma, key.token, options);
    await authenticateApiKey(database.prisma, key.token, options);
    await expect(authenticateApiKey(database.prisma, key.token, options)).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
  });
});

describe("creating API keys: hostile input", () => {
  it.each([
    ["an empty name", { name: "  ", scopes: ["inventory:read"] }, /name is required/],
    ["a name with a line break", { name: "ok\nAPI key forged", scopes: ["inventory:read"] }, /control/],
    ["a name with a bidi override", { name: "key\u202Eevil", scopes: ["inventory:read"] }, /control/],
    ["a name of 81 characters", { name: "x".repeat(81), scopes: ["inventory:read"] }, /at most 80/],
    ["no scope", { name: "k", scopes: [] }, /at least one scope/],
    ["an unknown scope", { name: "k", scopes: ["admin:all"] }, /each scope must be one of/],
    ["a scope twice", { name: "k", scopes: ["inventory:read", "inventory:read"] }, /each scope once/],
    ["no expiry", { name: "k", scopes: ["inventory:read"], expiresInDays: undefined }, /expiresInDays/],
    ["an expiry of 0 days", { name: "k", scopes: ["inventory:read"], expiresInDays: 0 }, /at least 1/],
    ["an expiry over a year", { name: "k", scopes: ["inventory:read"], expiresInDays: 366 }, /at most 365/],
    ["a fractional expiry", { name: "k", scopes: ["inventory:read"], expiresInDays: 1.5 }, /whole number/],
    ["an expiry as text", { name: "k", scopes: ["inventory:read"], expiresInDays: "30" }, /must be a number/],
    ["a smuggled creator", { name: "k", scopes: ["inventory:read"], createdById: "00000000-0000-4000-8000-000000000000" }, /createdById|Unrecognized/i],
  ])("refuses %s with VALIDATION, writing nothing", async (_, input, message) => {
    const before = await snapshotCounts(database.prisma);
    const keysBefore = await database.prisma.apiKey.count();
    const result = await executeOperation(database.prisma, createApiKeyOperation, actors.admin, { expiresInDays: 30, ...input });
    expect(result.ok ? null : result.error.code).toBe("VALIDATION");
    expect(result.ok ? "" : result.error.message).toMatch(message);
    expect(await snapshotCounts(database.prisma)).toEqual(before);
    expect(await database.prisma.apiKey.count()).toBe(keysBefore);
  });

  it("lets no other role create or revoke keys", async () => {
    for (const role of ["security", "owner", "auditor"] as const) {
      const result = await executeOperation(database.prisma, createApiKeyOperation, actors[role], { name: "k", scopes: ["inventory:read"], expiresInDays: 30 });
      expect(result.ok ? null : result.error.code).toBe("FORBIDDEN");
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyOperation, revokeApiKeyOperation } from "@/lib/api-keys/operations";
import { apiKeyStatus, listApiKeys } from "@/lib/api-keys/queries";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import type { TActor } from "@/lib/auth/actor";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
});
afterAll(async () => {
  await database?.dispose();
});

async function createKey(actor: TActor, name: string): Promise<TCreatedApiKey> {
  const result = await executeOperation(database.prisma, createApiKeyOperation, actor, { name, scopes: ["inventory:read"], expiresInDays: 30 });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe("listApiKeys", () => {
  it("lists keys newest first with a status computed against now, and never the secret hash or the token", async () => {
    const first = await createKey(actors.admin, "first");
    const second = await createKey(actors.admin, "second");
    const third = await createKey(actors.admin, "third");
    await database.prisma.apiKey.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await executeOperation(database.prisma, revokeApiKeyOperation, actors.admin, { id: second.id });
    expect(revoked.ok).toBe(true);

    const { items, capped } = await listApiKeys(database.prisma, actors.admin);
    expect(capped).toBe(false);
    expect(items.map((k) => k.name)).toEqual(["third", "second", "first"]);
    expect(items.map((k) => k.status)).toEqual(["active", "revoked", "expired"]);
    expect(items[0]).toMatchObject({ prefix: third.prefix, scopes: ["inventory:read"], credentialId: third.credentialId, lastUsedAt: null });
    expect(items[0]!.creator).toMatchObject({ id: actors.admin.id, name: actors.admin.name, email: actors.admin.email });
    const text = JSON.stringify(items);
    expect(text).not.toContain("secretHash");
    const { secretHash } = await database.prisma.apiKey.findUniqueOrThrow({ where: { id: third.id } });
    expect(text).not.toContain(secretHash);
    expect(text).not.toContain(third.token);
  });

  it("hides the creator's e-mail from a role that may not read people", async () => {
    const { items } = await listApiKeys(database.prisma, actors.owner);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.creator).not.toHaveProperty("email");
  });

  it("says revoked before expired", () => {
    const past = new Date(0);
    expect(apiKeyStatus({ revokedAt: past, expiresAt: past }, new Date())).toBe("revoked");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: new Date(Date.now() + 60_000) }, new Date())).toBe("active");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getCredentialDetail, listCredentials } from "@/lib/inventory/queries";
import { ZCredentialListQuery } from "@/lib/inventory/schemas";
import { computeOverview } from "@/lib/overview/queries";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Auto-refreshing access tokens (lib/inventory/auto-refresh.ts) on PGlite and PostgreSQL: flagged in
 * the list and the detail, left out of the expiring tiles and of the view those tiles open, and
 * back in them the moment their refresh token is revoked.
 */

const NOW = new Date(Date.UTC(2026, 11, 4, 12));
const MIN = 60_000;
let database: TTestDatabase;
let prisma: PrismaClient;
let accessId: string;
let refreshId: string;

const listed = async (params: Record<string, string>) => (await listCredentials(prisma, ZCredentialListQuery.parse({ limit: "200", ...params }), NOW)).items;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: 200, seed: 5, now: NOW, demoPassword: "auto-refresh-test-password" });
  const provider = await prisma.provider.findFirstOrThrow({ orderBy: { name: "asc" } });
  const identity = await prisma.identity.findFirstOrThrow({ orderBy: { name: "asc" } });
  const refresh = await prisma.credential.create({
    data: { name: "zz refresh token", kind: "oauth_refresh_token", providerId: provider.id, identityId: identity.id, issuedAt: new Date(NOW.getTime() - 60 * MIN), expiresAt: new Date(NOW.getTime() + 30 * 24 * 60 * MIN) },
  });
  const access = await prisma.credential.create({
    data: {
      name: "zz access token", kind: "oauth_access_token", providerId: provider.id, identityId: identity.id, refreshCredentialId: refresh.id,
      issuedAt: new Date(NOW.getTime() - 10 * MIN), expiresAt: new Date(NOW.getTime() + 50 * MIN),
    },
  });
  accessId = access.id;
  refreshId = refresh.id;
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe("an auto-refreshing access token", () => {
  it("is flagged in the list and on its page, with the refresh token named", async () => {
    const item = (await listed({ q: "zz access" })).find((i) => i.id === accessId);
    expect(item?.autoRefresh).toBe(true);
    const detail = await getCredentialDetail(prisma, accessId, { role: "security" });
    expect(detail?.detail).toMatchObject({ autoRefresh: true, refreshedBy: { id: refreshId, name: "zz refresh token" } });
    expect((await listed({ autoRefresh: "only" })).map((i) => i.id)).toContain(accessId);
  });

  it("is left out of the expiring tiles and of the view they open, and counted again once its refresh token is revoked", async () => {
    const view = { status: "active", expiresWithin: "7", autoRefresh: "exclude" };
    const before = await computeOverview(prisma, NOW);
    expect((await listed(view)).map((i) => i.id)).not.toContain(accessId);
    expect(before.tiles.expiring7).toBe((await listed(view)).length);
    // Without the exclusion it is there: the tile really leaves something out.
    expect((await listed({ status: "active", expiresWithin: "7" })).map((i) => i.id)).toContain(accessId);

    await prisma.credential.update({ where: { id: refreshId }, data: { status: "revoked" } });
    const after = await computeOverview(prisma, NOW);
    expect(after.tiles.expiring7).toBe(before.tiles.expiring7 + 1);
    expect((await listed(view)).map((i) => i.id)).toContain(accessId);
    expect((await getCredentialDetail(prisma, accessId, { role: "security" }))?.detail.autoRefresh).toBe(false);
    await prisma.credential.update({ where: { id: refreshId }, data: { status: "active" } });
  });

  it("a refresh token deleted unlinks the access token (nothing dangles)", async () => {
    const spare = await prisma.credential.create({ data: { name: "zz spare refresh", kind: "oauth_refresh_token", providerId: (await prisma.credential.findUniqueOrThrow({ where: { id: refreshId } })).providerId } });
    await prisma.credential.update({ where: { id: accessId }, data: { refreshCredentialId: spare.id } });
    await prisma.credential.delete({ where: { id: spare.id } });
    expect((await prisma.credential.findUniqueOrThrow({ where: { id: accessId } })).refreshCredentialId).toBeNull();
  });

  it("refuses an autoRefresh value it does not know, listing the valid ones", () => {
    const parsed = ZCredentialListQuery.safeParse({ autoRefresh: "yes" });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('\\"yes\\" is not a value for auto-refresh (expected only, exclude)');
  });
});

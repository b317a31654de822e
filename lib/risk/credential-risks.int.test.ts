import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * credential_risks holds exactly one row per credential, whoever writes credentials: created by a
 * statement trigger on insert (bulk SQL included), owner_id, provider_id, scopes and search_vector kept equal to the credential's, removed
 * with the credential. The inventory's risk sort and owner view rely on it (inner join, r.owner_id).
 */

let database: TTestDatabase;
let providerId: string;
let users: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const p = database.prisma;
  providerId = (await p.provider.create({ data: { name: "GitHub", type: "github" } })).id;
  users = (await Promise.all(["a", "b"].map((n) => p.user.create({ data: { email: `${n}@test.local`, name: n, role: "owner" } })))).map((u) => u.id);
});
afterAll(async () => {
  await database?.dispose();
});

const mismatches = () =>
  database.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM credentials c FULL JOIN credential_risks r ON r.credential_id = c.id
      WHERE c.id IS NULL OR r.credential_id IS NULL OR r.owner_id IS DISTINCT FROM c.owner_id
         OR r.never_expires IS DISTINCT FROM (c.expires_at IS NULL) OR r.provider_id IS DISTINCT FROM c.provider_id
         OR r.scopes IS DISTINCT FROM c.scopes OR r.search_vector IS DISTINCT FROM c.search_vector`,
  );

describe("credential_risks rows", () => {
  it("are created, unscored, for a Prisma insert and for a multi-row SQL insert", async () => {
    const one = await database.prisma.credential.create({ data: { name: "one", kind: "pat", providerId, ownerId: users[0] } });
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO credentials (id, name, kind, provider_id, owner_id, updated_at)
       SELECT gen_random_uuid(), 'bulk-' || g, 'pat', $1::uuid, CASE WHEN g % 2 = 0 THEN $2::uuid END, now() FROM generate_series(1, 500) g`,
      providerId, users[1],
    );
    // Half of them expire: never_expires is set from the inserted rows, not left at its default.
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO credentials (id, name, kind, provider_id, owner_id, expires_at, updated_at)
       SELECT gen_random_uuid(), 'dated-' || g, 'pat', $1::uuid, $2::uuid, CASE WHEN g % 2 = 0 THEN now() + interval '1 day' END, now() FROM generate_series(1, 100) g`,
      providerId, users[1],
    );
    expect(await database.prisma.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({
      ownerId: users[0], neverExpires: true, score: 0, level: "none", factors: [], scoredAt: null, policyVersion: null,
    });
    expect(await database.prisma.credentialRisk.count()).toBe(601);
    expect(await database.prisma.credentialRisk.count({ where: { neverExpires: false } })).toBe(50);
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("follow the credential's owner, set, changed and cleared, one or many at a time", async () => {
    await database.prisma.$executeRawUnsafe(`UPDATE credentials SET owner_id = $1::uuid WHERE name LIKE 'bulk-1%'`, users[0]);
    await database.prisma.credential.updateMany({ where: { ownerId: users[1] }, data: { ownerId: null } });
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("follow the credential's provider, moved one or many at a time", async () => {
    const p = database.prisma;
    const other = (await p.provider.create({ data: { name: "GitLab", type: "gitlab" } })).id;
    const one = await p.credential.create({ data: { name: "moving", kind: "pat", providerId } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ providerId });
    await p.credential.update({ where: { id: one.id }, data: { providerId: other } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ providerId: other });
    await p.$executeRawUnsafe(`UPDATE credentials SET provider_id = $1::uuid WHERE name LIKE 'bulk-2%'`, other);
    expect(await p.credentialRisk.count({ where: { providerId: other } })).toBeGreaterThan(1);
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("follow the credential's scopes, granted, changed and cleared, one or many at a time", async () => {
    const p = database.prisma;
    const one = await p.credential.create({ data: { name: "scoped", kind: "pat", providerId, scopes: ["repo", "read:org"] } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ scopes: ["repo", "read:org"] });
    await p.credential.update({ where: { id: one.id }, data: { scopes: ["read:org"] } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ scopes: ["read:org"] });
    await p.$executeRawUnsafe(`UPDATE credentials SET scopes = scopes || ARRAY['workflow'] WHERE name LIKE 'bulk-4%' OR id = $1::uuid`, one.id);
    await p.$executeRawUnsafe(`UPDATE credentials SET scopes = NULL WHERE name LIKE 'bulk-45%'`);
    expect(await p.credentialRisk.count({ where: { scopes: { has: "workflow" } } })).toBeGreaterThan(1);
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("follow the credential's search vector as its name, external id or hint change, one or many at a time", async () => {
    const p = database.prisma;
    const one = await p.credential.create({ data: { name: "findable-alpha", kind: "pat", providerId } });
    const found = (q: string) =>
      database.read<{ id: string }>(`SELECT credential_id::text AS id FROM credential_risks WHERE search_vector @@ to_tsquery('simple', $1)`, [q]);
    expect(await found("findable:*")).toEqual([{ id: one.id }]);
    await p.credential.update({ where: { id: one.id }, data: { name: "renamed-beta", hint: "zeta-hint" } });
    expect(await found("findable:*")).toEqual([]);
    expect(await found("zeta:*")).toEqual([{ id: one.id }]);
    await p.$executeRawUnsafe(`UPDATE credentials SET external_id = 'ext-' || name WHERE name LIKE 'bulk-5%'`);
    await p.$executeRawUnsafe(`UPDATE credentials SET hint = NULL, external_id = NULL WHERE name LIKE 'bulk-55%'`);
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("follow whether the credential expires: an expiry set, moved, cleared, one or many at a time", async () => {
    const p = database.prisma;
    const one = await p.credential.create({ data: { name: "expiring", kind: "pat", providerId, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ neverExpires: false });
    await p.credential.update({ where: { id: one.id }, data: { expiresAt: null } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ neverExpires: true });
    await p.$executeRawUnsafe(`UPDATE credentials SET expires_at = now() + interval '30 days' WHERE name LIKE 'bulk-3%' OR id = $1::uuid`, one.id);
    await p.$executeRawUnsafe(`UPDATE credentials SET expires_at = expires_at + interval '1 day' WHERE name LIKE 'dated-%'`);
    await p.credential.updateMany({ where: { name: { startsWith: "dated-1" } }, data: { expiresAt: null } });
    expect(await p.credentialRisk.findUnique({ where: { credentialId: one.id } })).toMatchObject({ neverExpires: false });
    expect(await mismatches()).toEqual([{ n: 0 }]);
    // A rescoring (the risk engine's UPDATE) leaves the copy alone.
    await p.$executeRawUnsafe(`UPDATE credential_risks SET score = 42, level = 'medium'`);
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("go with the credential", async () => {
    await database.prisma.$executeRawUnsafe(`DELETE FROM credentials WHERE name LIKE 'bulk-2%'`);
    expect(await database.prisma.credentialRisk.count()).toBe(await database.prisma.credential.count());
    expect(await mismatches()).toEqual([{ n: 0 }]);
  });

  it("cannot exist without a credential", async () => {
    await expect(database.prisma.$executeRawUnsafe(`INSERT INTO credential_risks (credential_id) VALUES (gen_random_uuid())`)).rejects.toThrow(/foreign key/);
  });
});

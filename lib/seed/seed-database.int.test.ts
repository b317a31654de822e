import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/services/verify-audit-chain";
import { verifyPassword } from "@/lib/auth/password";
import { seedDatabase, SeedRefusedError } from "@/lib/seed";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "tw-seed-test-"));
const loginFile = path.join(dir, "demo-login.json");
const NOW = new Date(Date.UTC(2026, 0, 15, 12));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function count(table: string): Promise<number> {
  const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
  return row?.n ?? -1;
}

describe("seedDatabase", () => {
  it("seeds every table, matching its summary, with one seed.completed audit event", async () => {
    const summary = await seedDatabase(database.prisma, { credentials: 400, seed: 9, now: NOW, loginFile, demoPassword: "correct-horse-battery" });
    expect(summary.credentials).toBe(400);
    expect(await count("credentials")).toBe(400);
    expect(await count("users")).toBe(summary.users);
    expect(await count("identities")).toBe(summary.identities);
    expect(await count("bindings")).toBe(summary.bindings);
    expect(await count("exposures")).toBe(summary.exposures);
    expect(await count("usage_events")).toBe(summary.usageEvents);
    expect(summary.usageEvents).toBeGreaterThan(400);
    // Short-lived access tokens renewed by their holder's refresh token: the demo shows auto-refreshing ones.
    const linked = await database.prisma.credential.findMany({ where: { refreshCredentialId: { not: null } }, include: { refreshCredential: true } });
    expect(linked.length).toBe(summary.refreshLinks);
    expect(summary.refreshLinks).toBeGreaterThan(0);
    for (const c of linked) {
      expect(c.kind).toBe("oauth_access_token");
      expect(c.expiresAt!.getTime() - c.issuedAt!.getTime()).toBeLessThanOrEqual(3_600_000);
      expect(c.refreshCredential).toMatchObject({ kind: "oauth_refresh_token", identityId: c.identityId, providerId: c.providerId });
    }

    const chain = await verifyAuditChain(database.prisma);
    expect(chain).toMatchObject({ ok: true, count: 1 });
    const event = await database.prisma.auditEvent.findFirstOrThrow();
    expect(event).toMatchObject({ action: "seed.completed", actorId: null, actorLabel: "system", targetType: "database" });
    expect(event.summary).toMatchObject({ seed: 9, credentials: 400 });
  });

  it("writes usable demo logins to an owner-only file", async () => {
    expect(statSync(loginFile).mode & 0o777).toBe(0o600);
    const { users } = JSON.parse(readFileSync(loginFile, "utf8")) as { users: { email: string; role: string; password: string }[] };
    expect(users.map((u) => u.role)).toEqual(["admin", "security", "owner", "auditor"]);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@tokenward.local" } });
    expect(await verifyPassword("correct-horse-battery", owner.passwordHash ?? "")).toBe(true);
    expect(await database.prisma.credential.count({ where: { ownerId: owner.id } })).toBeGreaterThan(0);
  });

  it("keeps last_used_at equal to the newest usage event", async () => {
    const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM credentials c
         JOIN (SELECT credential_id, max(time) AS t FROM usage_events GROUP BY 1) m ON m.credential_id = c.id
        WHERE c.last_used_at IS DISTINCT FROM m.t`,
    );
    expect(row?.n).toBe(0);
  });

  it("shows every usage-based risk signal even at a small size", async () => {
    const [row] = await database.prisma.$queryRawUnsafe<Record<string, number>[]>(
      `SELECT
         (SELECT count(DISTINCT a.trace_id) FROM usage_events a JOIN usage_events b
             ON b.trace_id = a.trace_id AND b.parent_span_id = a.span_id AND b.fingerprint = a.fingerprint
           WHERE a.target_kind = 'mcp_server' AND b.caller_kind = 'mcp_server' AND b.caller_id = a.target_id
             AND b.target_kind = 'provider_api')::int AS passthrough,
         (SELECT count(*) FROM usage_events WHERE user_agent LIKE 'Mozilla/%')::int AS browser,
         (SELECT count(*) FROM usage_events e JOIN credentials c ON c.id = e.credential_id
           WHERE e.caller_kind <> 'mcp_server' AND e.caller_environment <> c.environment)::int AS cross_env,
         (SELECT count(*) FROM exposures WHERE location_kind = 'mcp_config')::int AS mcp_config,
         (SELECT count(*) FROM credentials WHERE expires_at IS NULL)::int AS never_expire`,
    );
    for (const [signal, n] of Object.entries(row ?? {})) expect(n, signal).toBeGreaterThan(0);
  });

  it("fills the maintained counters the way the app would", async () => {
    const [row] = await database.prisma.$queryRawUnsafe<{ exposures: number; consumers: number; used: number }[]>(
      `SELECT
         count(*) FILTER (WHERE c.exposure_count <> (SELECT count(*) FROM exposures e WHERE e.credential_id = c.id AND e.resolved_at IS NULL))::int AS exposures,
         count(*) FILTER (WHERE c.consumer_count <> (SELECT count(DISTINCT coalesce(b.holder_identity_id, b.holder_mcp_server_id)) FROM bindings b WHERE b.credential_id = c.id))::int AS consumers,
         count(*) FILTER (WHERE NOT (c.used_scopes <@ c.scopes))::int AS used
       FROM credentials c`,
    );
    expect(row).toEqual({ exposures: 0, consumers: 0, used: 0 });
  });

  it("refuses a non-empty database without --reset and leaves it untouched", async () => {
    await expect(seedDatabase(database.prisma, { credentials: 10, seed: 1 })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await count("credentials")).toBe(400);
  });

  it("leaves a non-empty database alone with ifEmpty", async () => {
    const summary = await seedDatabase(database.prisma, { credentials: 10, seed: 1, ifEmpty: true, loginFile: path.join(dir, "other.json") });
    expect(summary.skipped).toBe(true);
    expect(existsSync(path.join(dir, "other.json"))).toBe(false);
    expect(await count("credentials")).toBe(400);
    expect(await count("audit_events")).toBe(1);
  });

  it("replaces a previous seed with reset, deterministically for the same seed", async () => {
    const ids = async () => (await database.prisma.credential.findMany({ select: { id: true, fingerprint: true }, orderBy: { id: "asc" } }));
    const before = await ids();
    const summary = await seedDatabase(database.prisma, { credentials: 400, seed: 9, now: NOW, reset: true });
    expect(summary.reset).toBe(true);
    expect(await ids()).toEqual(before);
    const chain = await verifyAuditChain(database.prisma);
    expect(chain).toMatchObject({ ok: true, count: 1 });
  });

  it("refuses to reset a database holding data the seed did not write", async () => {
    await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
    await database.prisma.$executeRawUnsafe("DELETE FROM audit_events");
    await database.prisma.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
    await expect(seedDatabase(database.prisma, { credentials: 10, seed: 1, reset: true })).rejects.toThrow(/did not come from the seed/);
    expect(await count("credentials")).toBe(400);
  });

  it("rejects invalid options before touching the database", async () => {
    await expect(seedDatabase(database.prisma, { credentials: 0, seed: 1 })).rejects.toThrow(/at least 1/);
    await expect(seedDatabase(database.prisma, { credentials: 10, seed: -1 })).rejects.toThrow();
  });
});

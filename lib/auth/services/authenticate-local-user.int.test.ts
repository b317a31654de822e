import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authenticateLocalUser } from "@/lib/auth/services/authenticate-local-user";
import { createMemoryRateLimitStore, type TRateLimitStore } from "@/lib/security/rate-limit";
import { createPostgresRateLimitStore } from "@/lib/security/services/postgres-rate-limit-store";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

// Counts real scrypt verifications: the limiter must decide before the expensive check, atomically.
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, verifyPassword: async (pw: string, hash: string) => { verified.count += 1; return original.verifyPassword(pw, hash); } };
});

let database: TTestDatabase;
const PASSWORD = "a-long-enough-password";

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await database.prisma.user.createMany({
    data: [
      { email: "ok@test.local", name: "Ok", role: "owner", passwordHash },
      { email: "gone@test.local", name: "Gone", role: "admin", passwordHash, active: false },
      { email: "admin@test.local", name: "Admin", role: "admin", passwordHash },
      { email: "sso-only@test.local", name: "SSO only", role: "owner" },
      ...["mem", "pg"].map((s) => ({ email: `burst-${s}@test.local`, name: s, role: "owner" as const, passwordHash })),
    ],
  });
});
afterAll(async () => {
  await database?.dispose();
});

function stores(): Array<[string, () => TRateLimitStore]> {
  return [["memory", () => createMemoryRateLimitStore()], ["postgres", () => createPostgresRateLimitStore(database.prisma)]];
}

describe("local sign-in", () => {
  it("accepts the right password, records the sign-in and audits it", async () => {
    const result = await authenticateLocalUser(database.prisma, { email: "OK@test.local", password: PASSWORD }, "10.0.0.1", { store: createMemoryRateLimitStore() });
    expect(result).toMatchObject({ ok: true, user: { email: "ok@test.local" } });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "ok@test.local" } });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
    expect(await database.prisma.auditEvent.findFirst({ where: { action: "auth.sign_in", targetId: user.id } })).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail, a deactivated user, a user without a password and malformed input — the same way", async () => {
    const attempts = [
      { email: "ok@test.local", password: "wrong" },
      { email: "nobody@test.local", password: PASSWORD },
      { email: "gone@test.local", password: PASSWORD },
      { email: "sso-only@test.local", password: PASSWORD },
      { email: "not-an-email", password: PASSWORD },
      { email: "ok@test.local" },
    ];
    for (const attempt of attempts) {
      expect(await authenticateLocalUser(database.prisma, attempt, "10.0.0.2", { store: createMemoryRateLimitStore() })).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("backs off instead of locking: after 10 wrong passwords the admin's right password waits, then gets in", async () => {
    const store = createMemoryRateLimitStore();
    let now = 1_000_000;
    const deps = { store, now: () => now };
    // The attacker waits out every back-off, so all 10 wrong passwords are really checked.
    for (let verifiedWrong = 0; verifiedWrong < 10; ) {
      const r = await authenticateLocalUser(database.prisma, { email: "admin@test.local", password: "wrong" }, `10.1.0.${verifiedWrong}`, deps);
      if (!r.ok && r.reason === "rate_limited") now += r.retryAfterMs;
      else verifiedWrong += 1;
    }
    // The last failure set a wait; the right password during it is refused with how long to wait.
    const refused = await authenticateLocalUser(database.prisma, { email: "admin@test.local", password: PASSWORD }, "10.1.1.1", deps);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    const wait = (refused as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    now += wait;
    expect(await authenticateLocalUser(database.prisma, { email: "admin@test.local", password: PASSWORD }, "10.1.1.1", deps)).toMatchObject({ ok: true });
  });

  it("audits failed sign-ins at most once per e-mail per window, with a count", async () => {
    const store = createMemoryRateLimitStore();
    const before = await database.prisma.auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    let now = 5_000_000;
    for (let i = 0; i < 8; i++) {
      await authenticateLocalUser(database.prisma, { email: "nobody-audit@test.local", password: "wrong" }, "10.3.0.1", { store, now: () => now });
      now += 2 * 60_000;
    }
    const events = await database.prisma.auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { seq: "asc" }, skip: before });
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(8);
    expect(events.every((e) => (e.summary as { email?: string }).email === "nobody-audit@test.local")).toBe(true);
  });

  for (const [kind, make] of stores()) {
    it(`verifies at most a handful of 60 parallel wrong passwords for one e-mail (${kind} store)`, async () => {
      const store = make();
      const email = `burst-${kind === "memory" ? "mem" : "pg"}@test.local`;
      verified.count = 0;
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => authenticateLocalUser(database.prisma, { email, password: `wrong-${i}` }, `10.2.${i}.1`, { store })),
      );
      expect(verified.count).toBeGreaterThan(0);
      expect(verified.count).toBeLessThanOrEqual(5);
      expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBe(60 - verified.count);
    });
  }
});

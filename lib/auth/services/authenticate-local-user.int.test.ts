import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authenticateLocalUser } from "@/lib/auth/services/authenticate-local-user";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
const PASSWORD = "a-long-enough-password";

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await database.prisma.user.createMany({
    data: [
      { email: "ok@test.local", name: "Ok", role: "owner", passwordHash },
      { email: "gone@test.local", name: "Gone", role: "admin", passwordHash, active: false },
      { email: "limited@test.local", name: "Limited", role: "owner", passwordHash },
      { email: "sso-only@test.local", name: "SSO only", role: "owner" },
    ],
  });
});
afterAll(async () => {
  await database?.dispose();
});

describe("local sign-in", () => {
  it("accepts the right password, records the sign-in and audits it", async () => {
    const result = await authenticateLocalUser(database.prisma, { email: "OK@test.local", password: PASSWORD }, "10.0.0.1");
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
      expect(await authenticateLocalUser(database.prisma, attempt, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("locks an e-mail after 10 failures, even for the right password, while others still sign in", async () => {
    for (let i = 0; i < 10; i++) await authenticateLocalUser(database.prisma, { email: "limited@test.local", password: "wrong" }, `10.1.0.${i}`);
    expect(await authenticateLocalUser(database.prisma, { email: "limited@test.local", password: PASSWORD }, "10.1.1.1")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await authenticateLocalUser(database.prisma, { email: "ok@test.local", password: PASSWORD }, "10.1.1.1")).ok).toBe(true);
  });
});

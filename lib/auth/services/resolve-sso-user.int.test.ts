import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveSsoUser, type TSsoSettings } from "@/lib/auth/services/resolve-sso-user";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/** Hostile SSO sign-ins: an IdP account must never become someone else, nor remove the last admin. */

let database: TTestDatabase;
const ISSUER = "https://idp.test";
const settings: TSsoSettings = {
  issuer: ISSUER,
  roleClaim: "groups",
  roleMap: new Map([["tw-admins", "admin"], ["tw-owners", "owner"], ["tw-auditors", "auditor"]]),
};

const claims = (sub: string, email: string, extra: Record<string, unknown> = {}) => ({ sub, email, email_verified: true, groups: ["tw-owners"], ...extra });
const user = (email: string) => database.prisma.user.findUniqueOrThrow({ where: { email } });
const lastAudit = (action: string) => database.prisma.auditEvent.findFirst({ where: { action }, orderBy: { seq: "desc" } });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});
beforeEach(async () => {
  await database.prisma.user.deleteMany({});
  await database.prisma.user.createMany({
    data: [
      { email: "victim@corp.test", name: "Victim", role: "admin" },
      { email: "admin2@corp.test", name: "Second admin", role: "admin" },
      { email: "linked@corp.test", name: "Linked", role: "owner", oidcSubject: `${ISSUER}|linked-sub` },
    ],
  });
});

describe("linking an IdP account to an existing user", () => {
  it("refuses an unverified e-mail that claims an existing user, and changes nothing", async () => {
    const before = await user("victim@corp.test");
    const result = await resolveSsoUser(database.prisma, claims("attacker", "victim@corp.test", { email_verified: false }), settings);
    expect(result).toEqual({ ok: false, reason: "unverified_email" });
    const after = await user("victim@corp.test");
    expect(after).toMatchObject({ role: "admin", oidcSubject: null, name: "Victim", lastSignInAt: null });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await lastAudit("auth.sso_refused"))?.summary).toMatchObject({ method: "oidc", reason: "unverified_email", email: "victim@corp.test", subject: `${ISSUER}|attacker` });
  });

  it.each([["missing", undefined], ['the string "true"', "true"], ["1", 1]])("treats email_verified %s as unverified (deny by default)", async (_label, value) => {
    const result = await resolveSsoUser(database.prisma, claims("attacker", "victim@corp.test", { email_verified: value }), settings);
    expect(result).toEqual({ ok: false, reason: "unverified_email" });
    expect((await user("victim@corp.test")).oidcSubject).toBeNull();
  });

  it("links a verified e-mail to a user without a subject, records how, and applies the mapped role", async () => {
    const result = await resolveSsoUser(database.prisma, claims("victim-sub", "Victim@Corp.test", { groups: ["tw-admins"] }), settings);
    const victim = await user("victim@corp.test");
    expect(result).toEqual({ ok: true, userId: victim.id });
    expect(victim.oidcSubject).toBe(`${ISSUER}|victim-sub`);
    expect((await lastAudit("auth.sso_linked"))?.summary).toMatchObject({ method: "oidc", linkedBy: "email" });
  });

  it("refuses a verified e-mail already linked to another subject", async () => {
    const result = await resolveSsoUser(database.prisma, claims("other-sub", "linked@corp.test"), settings);
    expect(result).toEqual({ ok: false, reason: "email_taken" });
    expect((await user("linked@corp.test")).oidcSubject).toBe(`${ISSUER}|linked-sub`);
    expect((await lastAudit("auth.sso_refused"))?.summary).toMatchObject({ reason: "email_taken" });
  });

  it("refuses the same sub from another issuer (the pair is the identity)", async () => {
    const result = await resolveSsoUser(database.prisma, claims("linked-sub", "linked@corp.test"), { ...settings, issuer: "https://other-idp.test" });
    expect(result).toEqual({ ok: false, reason: "email_taken" });
  });

  it("keeps matching on issuer + subject when the IdP changes the user's e-mail, without taking over the new address", async () => {
    const result = await resolveSsoUser(database.prisma, claims("linked-sub", "victim@corp.test", { groups: ["tw-auditors"] }), settings);
    const linked = await user("linked@corp.test");
    expect(result).toEqual({ ok: true, userId: linked.id });
    expect(linked).toMatchObject({ email: "linked@corp.test", role: "auditor" });
    expect(await user("victim@corp.test")).toMatchObject({ role: "admin", oidcSubject: null });
    expect((await lastAudit("auth.sign_in"))?.summary).toMatchObject({ idpEmail: "victim@corp.test" });
  });

  it("does not create a user from an unverified e-mail", async () => {
    const result = await resolveSsoUser(database.prisma, claims("new-sub", "new@corp.test", { email_verified: false }), settings);
    expect(result).toEqual({ ok: false, reason: "unverified_email" });
    expect(await database.prisma.user.findUnique({ where: { email: "new@corp.test" } })).toBeNull();
  });

  it("creates a user from a verified e-mail", async () => {
    const result = await resolveSsoUser(database.prisma, claims("new-sub", "new@corp.test"), settings);
    expect(result.ok).toBe(true);
    expect(await user("new@corp.test")).toMatchObject({ role: "owner", oidcSubject: `${ISSUER}|new-sub` });
  });
});

describe("the last active admin", () => {
  it("an SSO sign-in whose mapped role would demote the last active admin keeps them admin, and audits it", async () => {
    await database.prisma.user.update({ where: { email: "admin2@corp.test" }, data: { active: false } });
    await database.prisma.user.update({ where: { email: "victim@corp.test" }, data: { oidcSubject: `${ISSUER}|victim-sub` } });
    const result = await resolveSsoUser(database.prisma, claims("victim-sub", "victim@corp.test", { groups: ["tw-auditors"] }), settings);
    expect(result.ok).toBe(true);
    expect((await user("victim@corp.test")).role).toBe("admin");
    expect((await lastAudit("auth.sign_in"))?.summary).toMatchObject({ roleKept: "last_active_admin", mappedRole: "auditor", role: "admin" });
  });

  it("demotes an admin when another active admin remains", async () => {
    await database.prisma.user.update({ where: { email: "victim@corp.test" }, data: { oidcSubject: `${ISSUER}|victim-sub` } });
    await resolveSsoUser(database.prisma, claims("victim-sub", "victim@corp.test", { groups: ["tw-auditors"] }), settings);
    expect((await user("victim@corp.test")).role).toBe("auditor");
    expect((await lastAudit("auth.sign_in"))?.summary).toMatchObject({ before: { role: "admin" }, after: { role: "auditor" } });
  });

  it("two concurrent sign-ins of the last two admins, both mapped to a lower role, leave one admin", async () => {
    await database.prisma.user.update({ where: { email: "victim@corp.test" }, data: { oidcSubject: `${ISSUER}|a` } });
    await database.prisma.user.update({ where: { email: "admin2@corp.test" }, data: { oidcSubject: `${ISSUER}|b` } });
    for (let round = 0; round < 3; round++) {
      await database.prisma.user.updateMany({ where: { email: { in: ["victim@corp.test", "admin2@corp.test"] } }, data: { role: "admin" } });
      const results = await Promise.all([
        resolveSsoUser(database.prisma, claims("a", "victim@corp.test", { groups: ["tw-owners"] }), settings),
        resolveSsoUser(database.prisma, claims("b", "admin2@corp.test", { groups: ["tw-owners"] }), settings),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await database.prisma.user.count({ where: { role: "admin", active: true } })).toBe(1);
    }
  });
});

import { describe, expect, it } from "vitest";
import { backoffUntil, DAY, dueReminders, matchCredential, type TAutoApprovalCeiling, type TPolicyCandidate } from "./match";
import { ZRotationPolicy, type TRotationPolicy, type TRotationRule } from "./schema";

const NOW = Date.UTC(2026, 11, 16, 12);
const GH = "0190a0b0-0000-7000-8000-000000000001";
const AWS = "0190a0b0-0000-7000-8000-000000000002";
const OPEN: TAutoApprovalCeiling = { enabled: true, maxLevel: "medium" };

const rule = (over: Partial<TRotationRule> = {}): TRotationRule => ({
  id: "r1", name: "Rule", enabled: true, scope: { providerIds: [], kinds: [], levels: [] }, rotateEveryDays: 90, maxTtlDays: null, autoApprove: null, ...over,
});
const policy = (...rules: TRotationRule[]): TRotationPolicy => ({ rules, reminders: { leadDays: [30, 7, 1] }, backoffDays: 7 });
const cred = (over: Partial<TPolicyCandidate> = {}): TPolicyCandidate => ({
  id: "c", kind: "pat", providerId: GH, providerSensitivity: "moderate", level: "low", createdAt: NOW - 100 * DAY, issuedAt: null, lastRotatedAt: null, ...over,
});

describe("matchCredential", () => {
  it("asks once the rotation period has passed since the last rotation, else since issue, else since filing", () => {
    expect(matchCredential(policy(rule()), cred(), NOW, OPEN)?.why).toBe("never rotated, issued 100 d ago (rule: every 90 d)");
    expect(matchCredential(policy(rule()), cred({ issuedAt: NOW - 10 * DAY }), NOW, OPEN)).toBeNull();
    expect(matchCredential(policy(rule()), cred({ lastRotatedAt: NOW - 89 * DAY }), NOW, OPEN)).toBeNull();
    expect(matchCredential(policy(rule()), cred({ lastRotatedAt: NOW - 90 * DAY }), NOW, OPEN)?.why).toBe("last rotated 90 d ago (rule: every 90 d)");
  });

  it("asks past the maximum lifetime even when recently rotated in place", () => {
    const r = rule({ rotateEveryDays: null, maxTtlDays: 30 });
    expect(matchCredential(policy(r), cred({ issuedAt: NOW - 31 * DAY, lastRotatedAt: NOW - DAY }), NOW, OPEN)?.why).toBe("lived 31 d (rule allows 30 d)");
    expect(matchCredential(policy(r), cred({ issuedAt: NOW - 29 * DAY }), NOW, OPEN)).toBeNull();
  });

  it("respects every scope dimension; empty means any", () => {
    const scoped = rule({ scope: { providerIds: [AWS], kinds: ["cloud_access_key"], levels: ["high", "critical"] } });
    expect(matchCredential(policy(scoped), cred(), NOW, OPEN)).toBeNull();
    expect(matchCredential(policy(scoped), cred({ providerId: AWS, kind: "cloud_access_key", level: "medium" }), NOW, OPEN)).toBeNull();
    expect(matchCredential(policy(scoped), cred({ providerId: AWS, kind: "cloud_access_key", level: "high" }), NOW, OPEN)?.rule.id).toBe("r1");
  });

  it("lets the first enabled rule in scope decide, even when it is not due yet", () => {
    const strict = rule({ id: "strict", rotateEveryDays: 200, scope: { providerIds: [GH], kinds: [], levels: [] } });
    const loose = rule({ id: "loose", rotateEveryDays: 30 });
    expect(matchCredential(policy(strict, loose), cred(), NOW, OPEN)).toBeNull();
    expect(matchCredential(policy({ ...strict, enabled: false }, loose), cred(), NOW, OPEN)?.rule.id).toBe("loose");
    expect(matchCredential(policy(strict, loose), cred({ providerId: AWS }), NOW, OPEN)?.rule.id).toBe("loose");
  });

  it("auto-approves only within the rule's level and sensitivity and the risk policy's ceiling", () => {
    const auto = rule({ autoApprove: { maxLevel: "medium", maxSensitivity: "moderate" } });
    expect(matchCredential(policy(auto), cred({ level: "medium" }), NOW, OPEN)?.autoApprove).toBe(true);
    expect(matchCredential(policy(auto), cred({ level: "high" }), NOW, OPEN)?.autoApprove).toBe(false);
    expect(matchCredential(policy(auto), cred({ providerSensitivity: "high" }), NOW, OPEN)?.autoApprove).toBe(false);
    expect(matchCredential(policy(auto), cred({ level: "medium" }), NOW, { enabled: true, maxLevel: "low" })?.autoApprove).toBe(false);
    expect(matchCredential(policy(auto), cred({ level: "low" }), NOW, { enabled: false, maxLevel: "medium" })?.autoApprove).toBe(false);
    expect(matchCredential(policy(rule()), cred({ level: "none" }), NOW, OPEN)?.autoApprove).toBe(false);
  });
});

describe("backoffUntil", () => {
  it("waits nothing without failures, then doubles from the policy's back-off, capped at a year", () => {
    expect(backoffUntil(NOW, 0, 7)).toBe(NOW);
    expect(backoffUntil(NOW, 1, 7)).toBe(NOW + 7 * DAY);
    expect(backoffUntil(NOW, 3, 7)).toBe(NOW + 28 * DAY);
    expect(backoffUntil(NOW, 40, 7)).toBe(NOW + 365 * DAY);
  });
});

describe("dueReminders", () => {
  it("lists the lead times whose moment has come, none once expired", () => {
    expect(dueReminders([30, 7, 1], NOW + 40 * DAY, NOW)).toEqual([]);
    expect(dueReminders([30, 7, 1], NOW + 30 * DAY, NOW)).toEqual([30]);
    expect(dueReminders([1, 30, 7], NOW + 5 * DAY, NOW)).toEqual([30, 7]);
    expect(dueReminders([30, 7, 1], NOW - 1, NOW)).toEqual([]);
  });
});

describe("ZRotationPolicy (hostile input)", () => {
  const base = { rules: [rule()], reminders: { leadDays: [30] }, backoffDays: 7 };
  const errors = (doc: unknown) => {
    const r = ZRotationPolicy.safeParse(doc);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("accepts a sound document", () => expect(errors(base)).toEqual([]));
  it.each([
    [{ rotateEveryDays: 0 }, "rules.0.rotateEveryDays: the rotation period must be at least 1 day"],
    [{ rotateEveryDays: -5 }, "rules.0.rotateEveryDays: the rotation period must be at least 1 day"],
    [{ rotateEveryDays: 1e12 }, "rules.0.rotateEveryDays: the rotation period must be at most 3,650 days"],
    [{ rotateEveryDays: 1.5 }, "rules.0.rotateEveryDays: must be a whole number of days"],
    [{ rotateEveryDays: "90" }, "rules.0.rotateEveryDays: must be a number of days"],
    [{ rotateEveryDays: null, maxTtlDays: null }, "rules.0.rotateEveryDays: needs a rotation period or a maximum lifetime"],
    [{ id: "x'; DROP TABLE credentials;--" }, "rules.0.id: must be 1–40 lower-case letters, digits or dashes"],
    [{ scope: { providerIds: ["github"], kinds: [], levels: [] } }, "rules.0.scope.providerIds.0: must be a provider id"],
    [{ scope: { providerIds: [], kinds: ["password"], levels: [] } }, "rules.0.scope.kinds.0: must be one of pat, oauth_access_token, oauth_refresh_token, client_secret, api_key, cloud_access_key, installation_token, static_bearer"],
    [{ scope: { providerIds: [], kinds: [], levels: ["extreme"] } }, "rules.0.scope.levels.0: must be one of none, low, medium, high, critical"],
    [{ autoApprove: { maxLevel: "critical", maxSensitivity: "low" } }, "rules.0.autoApprove.maxLevel: must be none, low or medium"],
    [{ surprise: true }, 'rules.0: Unrecognized key: "surprise"'],
  ])("refuses %j", (over, message) => {
    expect(errors({ ...base, rules: [{ ...rule(), ...over }] })).toContain(message);
  });
  it("refuses duplicate rule ids, too many rules, and bad reminders", () => {
    expect(errors({ ...base, rules: [rule(), rule()] })).toContain("rules: two rules have the same id");
    expect(errors({ ...base, rules: Array.from({ length: 51 }, (_, i) => rule({ id: `r${i}` })) })).toContain("rules: at most 50 rules");
    expect(errors({ ...base, reminders: { leadDays: [7, 7] } })).toContain("reminders.leadDays: lists a lead time twice");
    expect(errors({ ...base, reminders: { leadDays: [0] } })).toContain("reminders.leadDays.0: a reminder lead time must be at least 1 day");
    expect(errors({ ...base, backoffDays: 0 })).toContain("backoffDays: the back-off must be at least 1 day");
  });
  it("keeps a rule name as text, trimmed, whatever it contains", () => {
    const r = ZRotationPolicy.parse({ ...base, rules: [rule({ name: "  <script>alert(1)</script>  " })] });
    expect(r.rules[0]!.name).toBe("<script>alert(1)</script>");
  });
});

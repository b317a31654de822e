import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { diffPolicies } from "@/lib/risk/policy/diff";
import { parsePolicyFile, toPolicyFile, validatePolicy } from "@/lib/risk/policy/validate";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";

const clone = () => structuredClone(DEFAULT_POLICY) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const errorsOf = (doc: unknown) => {
  const result = validatePolicy(doc);
  return result.ok ? [] : result.errors;
};

describe("policy validation", () => {
  it("accepts the default policy and fills every factor from the registry", () => {
    expect(validatePolicy(DEFAULT_POLICY).ok).toBe(true);
    expect(Object.keys(DEFAULT_POLICY.factors)).toEqual(FACTOR_LIST.map((f) => f.id));
  });

  it("names the setting and the limit for out-of-range values", () => {
    const doc = clone();
    doc.factors.exposed.points = 150;
    doc.factors["long-lived"].maxTtlDays = 0;
    doc.usageWindowDays = 1000;
    expect(errorsOf(doc)).toEqual([
      "usageWindowDays: must be at most 730 d",
      "factors.exposed.points: must be at most 100 points",
      "factors.long-lived.maxTtlDays: must be at least 1 d",
    ]);
  });

  it("rejects thresholds that do not increase", () => {
    const doc = clone();
    doc.levels.high = 30;
    expect(errorsOf(doc)).toEqual(["levels.high: must be higher than medium (30), got 30"]);
  });

  it("rejects decreasing sensitivity multipliers", () => {
    const doc = clone();
    doc.sensitivity.critical = 1;
    expect(errorsOf(doc)).toEqual(["sensitivity.critical: must not be lower than high (×1.15), got ×1"]);
  });

  it("rejects unknown keys, unknown factors and wrong types", () => {
    const doc = clone();
    doc.factors.exposd = { points: 10 };
    doc.factors.stale.points = "25";
    doc.extra = true;
    const errors = errorsOf(doc);
    expect(errors).toContain('Unrecognized key: "extra"');
    expect(errors).toContain('factors: Unrecognized key: "exposd"');
    expect(errors).toContain("factors.stale.points: must be a number of points");
  });

  it("reports missing sections as required and a wrong schema version", () => {
    const doc = clone();
    delete doc.levels;
    doc.schemaVersion = 2;
    expect(errorsOf(doc)).toEqual(["schemaVersion: must be 1", "levels: is required"]);
  });

  it("rejects bad patterns and duplicate kinds", () => {
    const doc = clone();
    doc.factors["human-use"].userAgentPatterns = ["Mozilla/*", ""];
    doc.factors["no-audience"].kinds = ["pat", "pat"];
    expect(errorsOf(doc)).toEqual([
      "factors.no-audience.kinds: lists a credential kind twice",
      "factors.human-use.userAgentPatterns.1: a pattern cannot be empty",
    ]);
  });

  it("fills factors and settings a document leaves out with their defaults", () => {
    const doc = clone();
    delete doc.factors.stale;
    delete doc.factors.exposed.points;
    const result = validatePolicy(doc);
    expect(result.ok && result.policy.factors.stale).toEqual(DEFAULT_POLICY.factors.stale);
    expect(result.ok && result.policy.factors.exposed.points).toBe(85);
  });
});

describe("policy files", () => {
  it("round-trips an export", () => {
    const text = JSON.stringify(toPolicyFile(DEFAULT_POLICY, { version: 3, comment: "baseline", exportedAt: new Date(0) }));
    expect(parsePolicyFile(text)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });
  it("accepts a bare document", () => {
    expect(parsePolicyFile(JSON.stringify(DEFAULT_POLICY)).ok).toBe(true);
  });
  it("explains broken JSON, a foreign format and an invalid policy inside a file", () => {
    const broken = parsePolicyFile("{ nope");
    expect(!broken.ok && broken.errors[0]).toMatch(/^The file is not valid JSON: /);
    expect(parsePolicyFile(JSON.stringify({ format: "other" }))).toEqual({ ok: false, errors: ['format: expected "tokenward-risk-policy", got "other"'] });
    const bad = { ...toPolicyFile(DEFAULT_POLICY, { version: 1, comment: null, exportedAt: new Date(0) }), policy: { ...DEFAULT_POLICY, usageWindowDays: 0 } };
    expect(parsePolicyFile(JSON.stringify(bad))).toEqual({ ok: false, errors: ["policy.usageWindowDays: must be at least 1 d"] });
  });
});

describe("diffPolicies", () => {
  it("lists each changed setting by path, lists compared whole", () => {
    const after = clone();
    after.factors.exposed.points = 90;
    after.factors["human-use"].userAgentPatterns = ["Mozilla/*", "Opera/*"];
    after.levels.high = 65;
    expect(diffPolicies(DEFAULT_POLICY, after)).toEqual([
      { path: "levels.high", before: 60, after: 65 },
      { path: "factors.exposed.points", before: 85, after: 90 },
      { path: "factors.human-use.userAgentPatterns", before: ["Mozilla/*"], after: ["Mozilla/*", "Opera/*"] },
    ]);
    expect(diffPolicies(DEFAULT_POLICY, structuredClone(DEFAULT_POLICY))).toEqual([]);
  });
});

describe("policies saved before the scope catalogue (over-privileged v1 settings)", () => {
  const OLD_PATTERNS = [
    "admin*", "*:admin", "administration:*", "manage*", "*:manage", "delete*", "write:*", "contents:write", "workflows:write",
    "actions:write", "secrets:*", "members:*", "*:PutObject", "payouts:*", "refunds:*", "billing:write", "orders:write",
    "all privileges", "insert", "update", "pg_read_all_data", "repo",
  ];
  const oldShaped = (settings: Record<string, unknown>) => {
    const doc = clone();
    doc.factors["over-privileged"] = { enabled: true, broadScopePatterns: OLD_PATTERNS, pointsBroad: 30, minUnusedScopes: 1, pointsUnused: 15, ...settings };
    return doc;
  };

  it("loads the old default settings as today's defaults", () => {
    const result = validatePolicy(oldShaped({}));
    expect(result.ok && result.policy.factors["over-privileged"]).toEqual(DEFAULT_POLICY.factors["over-privileged"]);
  });

  it("carries customised points to admin and the organisation's own patterns to admin patterns", () => {
    const result = validatePolicy(oldShaped({ pointsBroad: 40, broadScopePatterns: [...OLD_PATTERNS, "billing:*", " Repo "], enabled: false }));
    expect(result.ok && result.policy.factors["over-privileged"]).toEqual({
      ...DEFAULT_POLICY.factors["over-privileged"], enabled: false, pointsAdmin: 40, adminScopePatterns: ["billing:*"],
    });
  });

  it("lets current keys win over retired ones, and still validates what it carries over", () => {
    const both = validatePolicy(oldShaped({ pointsAdmin: 20, adminScopePatterns: [] }));
    expect(both.ok && both.policy.factors["over-privileged"]).toMatchObject({ pointsAdmin: 20, adminScopePatterns: [] });
    expect(errorsOf(oldShaped({ pointsBroad: 150 }))).toEqual(["factors.over-privileged.pointsAdmin: must be at most 100 points"]);
    expect(errorsOf(oldShaped({ broadScopePattern: [] }))).toEqual(['factors.over-privileged: Unrecognized key: "broadScopePattern"']);
  });

  it("imports an exported file of that shape", () => {
    const text = JSON.stringify({ format: "tokenward-risk-policy", version: 3, exportedAt: "2026-11-01T00:00:00.000Z", comment: null, policy: oldShaped({ pointsBroad: 35 }) });
    const result = parsePolicyFile(text);
    expect(result.ok && result.policy.factors["over-privileged"].pointsAdmin).toBe(35);
  });
});

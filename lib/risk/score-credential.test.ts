import { describe, expect, it } from "vitest";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { scoreCredential } from "@/lib/risk/score-credential";
import { applySensitivity, combinePoints, levelFor } from "@/lib/risk/score-credential";
import { cleanContext, cleanCredential, daysAgo, NOW, policyWith } from "@/lib/risk/testing/builders";
import { DEFAULT_POLICY } from "@/lib/risk/policy/default-policy";
import { RISK_LEVELS, SENSITIVITIES, type TScoringContext, type TScoringCredential } from "@/lib/risk/model";

/** A seeded PRNG (mulberry32): the property loops are random but reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rank = (level: string) => RISK_LEVELS.indexOf(level as never);

describe("levelFor", () => {
  it("maps scores at and around each threshold", () => {
    const levels = DEFAULT_POLICY.levels;
    expect(levelFor(0, levels)).toBe("none");
    expect(levelFor(levels.low, levels)).toBe("low");
    expect(levelFor(levels.medium - 1, levels)).toBe("low");
    expect(levelFor(levels.medium, levels)).toBe("medium");
    expect(levelFor(levels.high - 1, levels)).toBe("medium");
    expect(levelFor(levels.high, levels)).toBe("high");
    expect(levelFor(levels.critical - 1, levels)).toBe("high");
    expect(levelFor(levels.critical, levels)).toBe("critical");
    expect(levelFor(100, levels)).toBe("critical");
  });
});

describe("combinePoints", () => {
  it("is the strongest factor alone when there is one, and 0 for none", () => {
    expect(combinePoints([], 0.5)).toBe(0);
    expect(combinePoints([42], 0.5)).toBeCloseTo(42);
  });
  it("ignores the others at weight 0 and adds like independent probabilities at weight 1", () => {
    expect(combinePoints([60, 50], 0)).toBeCloseTo(60);
    expect(combinePoints([60, 50], 1)).toBeCloseTo(80);
  });
  it("never lets ten mild factors outweigh one severe factor", () => {
    const mild = Array.from({ length: 10 }, () => 10);
    expect(combinePoints(mild, 0.5)).toBeLessThan(combinePoints([85], 0.5));
  });
});

describe("scoreCredential", () => {
  it("gives a clean credential no factors and level none", () => {
    const result = scoreCredential(cleanCredential(), cleanContext(), DEFAULT_POLICY);
    expect(result).toMatchObject({ score: 0, level: "none", factors: [] });
  });

  it("does not score statuses outside the policy, nor credentials past expiry", () => {
    const revoked = scoreCredential(cleanCredential({ status: "revoked", expiresAt: null }), cleanContext(), DEFAULT_POLICY);
    expect(revoked).toMatchObject({ score: 0, level: "none", factors: [], breakdown: { scored: false } });
    const lapsed = scoreCredential(cleanCredential({ expiresAt: NOW }), cleanContext(), DEFAULT_POLICY);
    expect(lapsed.breakdown.scored).toBe(false);
  });

  it("scales with provider sensitivity", () => {
    const credential = cleanCredential({ expiresAt: null, kind: "oauth_access_token" });
    const scores = SENSITIVITIES.map((sensitivity) =>
      scoreCredential(credential, cleanContext({ provider: { name: "P", type: "github", sensitivity } }), DEFAULT_POLICY).score,
    );
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores[3]!);
  });

  it("a critical provider's multiplier never clips: severe credentials keep ranking below 100", () => {
    const critical = { name: "P", type: "github", sensitivity: "critical" as const };
    const place = { locationKind: "env_file" as const, location: ".env", repository: null };
    const cases = [
      cleanContext({ provider: critical, exposures: { open: 1, samples: [place] } }),
      cleanContext({ provider: critical, exposures: { open: 3, samples: [place] } }),
      cleanContext({ provider: critical, exposures: { open: 3, samples: [place] }, owner: null }),
      cleanContext({ provider: critical, exposures: { open: 5, samples: [place] }, owner: null, holders: { total: 4, byKind: { agent: 4 }, environments: ["prod"], audiences: [] } }),
    ];
    const scores = cases.map((ctx) => scoreCredential(cleanCredential({ expiresAt: null, issuedAt: daysAgo(400) }), ctx, DEFAULT_POLICY).score);
    expect(scores, JSON.stringify(scores)).toSatisfy((list: number[]) => list.every((s) => s < 100));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });

  it("applies sensitivity as a scale up to 1 and as a gap-closing power above it, monotonic and never past 100", () => {
    expect(applySensitivity(50, 0.8)).toBe(40);
    expect(applySensitivity(50, 1)).toBe(50);
    expect(applySensitivity(50, 2)).toBe(75);
    expect(applySensitivity(100, 1.3)).toBe(100);
    let previous = -1;
    for (let c = 0; c <= 100; c += 0.5) {
      const v = applySensitivity(c, 1.3);
      expect(v).toBeGreaterThanOrEqual(previous);
      expect(v).toBeLessThanOrEqual(100);
      previous = v;
    }
    for (let m = 0.1; m <= 3; m += 0.1) expect(applySensitivity(70, m + 0.1)).toBeGreaterThanOrEqual(applySensitivity(70, m));
  });

  it("ranks a one-hour read-only token far below a never-expiring admin key", () => {
    const hourToken = cleanCredential({ issuedAt: NOW - 10 * 60_000, expiresAt: NOW + 50 * 60_000, scopes: ["read:org"], audiences: [] });
    const adminKey = cleanCredential({ kind: "pat", issuedAt: daysAgo(400), expiresAt: null, lastRotatedAt: null, scopes: ["admin:org", "delete_repo"], audiences: [] });
    const a = scoreCredential(hourToken, cleanContext(), DEFAULT_POLICY);
    const b = scoreCredential(adminKey, cleanContext(), DEFAULT_POLICY);
    expect(b.score - a.score).toBeGreaterThanOrEqual(30);
    expect(rank(b.level)).toBeGreaterThan(rank(a.level));
  });

  it("grades evidence: older, idler, more widely shared keys outrank milder versions of the same findings", () => {
    const at = (issuedDaysAgo: number, idleDays: number) =>
      scoreCredential(cleanCredential({ expiresAt: null, issuedAt: daysAgo(issuedDaysAgo), lastUsedAt: daysAgo(idleDays), lastRotatedAt: null }), cleanContext(), DEFAULT_POLICY).score;
    expect(at(120, 100)).toBeLessThan(at(240, 100));
    expect(at(240, 100)).toBeLessThan(at(240, 300));
    expect(at(240, 300)).toBeLessThan(at(400, 380));
  });

  it("keeps a lone high factor at least high even on a low-sensitivity provider", () => {
    const policy = policyWith((p) => { p.sensitivity.low = 0.25; });
    const ctx = cleanContext({ provider: { name: "P", type: "github", sensitivity: "low" }, exposures: { open: 1, samples: [{ locationKind: "env_file", location: ".env", repository: "acme/web" }] } });
    const result = scoreCredential(cleanCredential(), ctx, policy);
    expect(result.factors.map((f) => f.id)).toEqual(["exposed"]);
    expect(result.level).toBe("high");
  });

  it("leaves out disabled factors", () => {
    const policy = policyWith((p) => { p.factors["long-lived"].enabled = false; });
    const result = scoreCredential(cleanCredential({ expiresAt: null }), cleanContext(), policy);
    expect(result.factors.map((f) => f.id)).not.toContain("long-lived");
  });

  it("lists the strongest factor first, each with evidence, remediation and framework items", () => {
    const ctx = cleanContext({ owner: null, exposures: { open: 2, samples: [{ locationKind: "mcp_config", location: ".cursor/mcp.json", repository: "acme/web" }] } });
    const result = scoreCredential(cleanCredential({ expiresAt: null }), ctx, DEFAULT_POLICY);
    expect(result.factors[0]).toMatchObject({ id: "exposed", evidence: "Found in clear in .cursor/mcp.json (repo acme/web) and 1 more place" });
    for (const f of result.factors) {
      expect(f.evidence.length).toBeGreaterThan(10);
      expect(f.remediation.length).toBeGreaterThan(10);
      expect(f.frameworks.length).toBeGreaterThan(0);
    }
  });
});

/** Random credentials and contexts that switch factors on and off independently. */
function randomCase(next: () => number): { credential: TScoringCredential; context: TScoringContext } {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const credential = cleanCredential({
    kind: pick(["pat", "api_key", "oauth_access_token", "static_bearer", "cloud_access_key", "client_secret"] as const),
    expiresAt: next() < 0.4 ? null : daysAgo(20) + Math.floor(next() * 400) * 86_400_000,
    issuedAt: daysAgo(20 + Math.floor(next() * 300)),
    lastUsedAt: next() < 0.2 ? null : daysAgo(Math.floor(next() * 200)),
    lastRotatedAt: next() < 0.5 ? null : daysAgo(Math.floor(next() * 200)),
    scopes: next() < 0.3 ? ["admin:org", "repo"] : ["read:org"],
    usedScopes: next() < 0.3 ? ["read:org"] : [],
    audiences: next() < 0.4 ? [] : ["https://api.github.com"],
  });
  const context = cleanContext({
    provider: { name: "P", type: "github", sensitivity: pick(SENSITIVITIES) },
    owner: next() < 0.2 ? null : { email: "a@x", active: next() < 0.8, deactivatedAt: null, via: "credential" },
    exposures: next() < 0.15 ? { open: 1, samples: [{ locationKind: "env_file", location: ".env", repository: null }] } : { open: 0, samples: [] },
    holders: next() < 0.2 ? { total: 3, byKind: { agent: 3 }, environments: ["prod", "dev"], audiences: [] } : { total: 1, byKind: { agent: 1 }, environments: ["prod"], audiences: [] },
  });
  return { credential, context };
}

describe("combination properties (seeded random cases)", () => {
  it("adding a factor never lowers the score (enable factors one by one)", () => {
    const next = rng(20260601);
    for (let i = 0; i < 400; i++) {
      const { credential, context } = randomCase(next);
      const order = FACTOR_LIST.map((f) => f.id).sort(() => next() - 0.5);
      const weight = next();
      let previous = -1;
      let previousLevel = -1;
      for (let k = 0; k <= order.length; k++) {
        const enabled = new Set(order.slice(0, k));
        const policy = policyWith((p) => {
          for (const f of FACTOR_LIST) (p.factors as Record<string, { enabled: boolean }>)[f.id]!.enabled = enabled.has(f.id);
          p.combination.othersWeight = weight;
        });
        const result = scoreCredential(credential, context, policy);
        expect(result.score).toBeGreaterThanOrEqual(previous);
        expect(rank(result.level)).toBeGreaterThanOrEqual(previousLevel);
        previous = result.score;
        previousLevel = rank(result.level);
      }
    }
  });

  it("adding points to a list never lowers the combined value, for any weight", () => {
    const next = rng(7);
    for (let i = 0; i < 2000; i++) {
      const weight = next();
      const points = Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 101));
      const extra = Math.floor(next() * 101);
      expect(combinePoints([...points, extra], weight)).toBeGreaterThanOrEqual(combinePoints(points, weight) - 1e-9);
    }
  });

  it("one critical factor alone reaches at least high, whatever the sensitivity and the other settings", () => {
    const next = rng(99);
    for (let i = 0; i < 500; i++) {
      const policy = policyWith((p) => {
        const low = 1 + Math.floor(next() * 20);
        const medium = low + 1 + Math.floor(next() * 20);
        const high = medium + 1 + Math.floor(next() * 20);
        const critical = high + 1 + Math.floor(next() * (99 - high));
        p.levels = { low, medium, high, critical };
        const m = Array.from({ length: 4 }, () => 0.25 + next() * 1.75).sort((a, b) => a - b);
        p.sensitivity = { low: m[0]!, moderate: m[1]!, high: m[2]!, critical: m[3]! };
        p.combination.othersWeight = next();
        p.factors.exposed.points = critical + Math.floor(next() * (101 - critical));
      });
      const ctx = cleanContext({
        provider: { name: "P", type: "github", sensitivity: SENSITIVITIES[Math.floor(next() * 4)]! },
        exposures: { open: 1, samples: [{ locationKind: "ci_log", location: "ci", repository: null }] },
      });
      const result = scoreCredential(cleanCredential(), ctx, policy);
      expect(result.factors).toHaveLength(1);
      expect(rank(result.level)).toBeGreaterThanOrEqual(rank("high"));
    }
  });

  it("stays within 0..100 and is deterministic", () => {
    const next = rng(3);
    for (let i = 0; i < 500; i++) {
      const { credential, context } = randomCase(next);
      const a = scoreCredential(credential, context, DEFAULT_POLICY);
      const b = scoreCredential(credential, context, DEFAULT_POLICY);
      expect(a).toEqual(b);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
    }
  });
});

describe("privileges (what credential_risks.privileges stores)", () => {
  it("are the grants' classes, broadest first, even when the credential is not scored", () => {
    const credential = cleanCredential({ scopes: ["read:org", "repo", "admin:org"] });
    expect(scoreCredential(credential, cleanContext(), DEFAULT_POLICY).privileges).toEqual(["admin", "write", "read"]);
    expect(scoreCredential({ ...credential, status: "revoked" }, cleanContext(), DEFAULT_POLICY).privileges).toEqual(["admin", "write", "read"]);
  });

  it("follow the policy's own admin patterns, as the over-privileged factor does", () => {
    const credential = cleanCredential({ scopes: ["read:org", "read:audit_log"] });
    expect(scoreCredential(credential, cleanContext(), DEFAULT_POLICY).privileges).toEqual(["read"]);
    const policy = policyWith((p) => {
      p.factors["over-privileged"].adminScopePatterns = ["read:audit*"];
    });
    const result = scoreCredential(credential, cleanContext(), policy);
    expect(result.privileges).toEqual(["admin", "read"]);
    expect(result.factors.find((f) => f.id === "over-privileged")?.evidence).toMatch(/admin `read:audit_log`/i);
  });
});

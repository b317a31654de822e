import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/risk/factors/format";
import { staticHighSensitivity } from "@/lib/risk/factors/static-high-sensitivity";
import { cleanContext, cleanCredential, daysAgo } from "@/lib/risk/testing/builders";
import type { TCredentialKind, TSensitivity } from "@/lib/risk/model";

const s = staticHighSensitivity.defaults; // maxTtlDays 30, minSensitivity high
const issued = daysAgo(5);
const run = (kind: TCredentialKind, sensitivity: TSensitivity, ttl: number | null) =>
  staticHighSensitivity.evaluate(
    cleanCredential({ kind, issuedAt: issued, expiresAt: ttl === null ? null : issued + ttl }),
    cleanContext({ provider: { name: "Stripe (acme live)", type: "api_key", sensitivity } }),
    s,
  );

describe("static-high-sensitivity", () => {
  it("flags a static key that never expires on a high-sensitivity provider", () => {
    expect(run("api_key", "high", null)).toMatchObject({
      points: 40, evidence: "Static API key on Stripe (acme live) (sensitivity high), expires never; no per-call policy recorded",
    });
  });
  it("is silent at and below the long-lived threshold, and flags just above it", () => {
    expect(run("api_key", "high", 29 * DAY)).toBeNull();
    expect(run("api_key", "high", 30 * DAY)).toBeNull();
    expect(run("api_key", "high", 31 * DAY)?.evidence).toMatch(/TTL 31 d; no per-call policy recorded$/);
  });
  it("is silent below the sensitivity threshold and for non-static kinds", () => {
    expect(run("api_key", "moderate", null)).toBeNull();
    expect(run("oauth_access_token", "critical", null)).toBeNull();
  });
});

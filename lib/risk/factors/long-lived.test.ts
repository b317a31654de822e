import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "@/lib/risk/factors/format";
import { longLived } from "@/lib/risk/factors/long-lived";
import { cleanContext, cleanCredential, daysAgo } from "@/lib/risk/testing/builders";

const s = longLived.defaults; // maxTtlDays 90
const issued = daysAgo(10);
const withTtl = (ms: number) => longLived.evaluate(cleanCredential({ issuedAt: issued, expiresAt: issued + ms }), cleanContext(), s);

describe("long-lived", () => {
  it("flags a credential that never expires", () => {
    expect(longLived.evaluate(cleanCredential({ expiresAt: null, issuedAt: daysAgo(0) }), cleanContext(), s)).toMatchObject({
      points: s.pointsNoExpiry, evidence: "Expires never (policy maximum TTL 90 d)",
    });
  });
  it("grades a standing key by its age, and a long TTL by how far it passes the maximum", () => {
    const neverAt = (days: number) => longLived.evaluate(cleanCredential({ expiresAt: null, issuedAt: daysAgo(days) }), cleanContext(), s)!.points;
    expect(neverAt(0)).toBe(40);
    expect(neverAt(135)).toBe(48);
    expect(neverAt(270)).toBe(56);
    expect(neverAt(2000)).toBe(56);
    expect(withTtl(91 * DAY)!.points).toBe(30);
    expect(withTtl(180 * DAY)!.points).toBeGreaterThan(withTtl(91 * DAY)!.points);
    expect(withTtl(3650 * DAY)!.points).toBe(42);
  });
  it("is silent below and exactly at the maximum TTL", () => {
    expect(withTtl(89 * DAY)).toBeNull();
    expect(withTtl(90 * DAY)).toBeNull();
  });
  it("flags a TTL just above the maximum, with the real numbers", () => {
    expect(withTtl(90 * DAY + HOUR)).toMatchObject({ points: s.pointsAboveMax, evidence: expect.stringMatching(/^TTL 90 d 1 h exceeds the 90 d maximum/) });
    expect(withTtl(365 * DAY)?.evidence).toMatch(/^TTL 365 d exceeds the 90 d maximum \(issued \d{4}-\d\d-\d\d, expires \d{4}-\d\d-\d\d\)$/);
  });
  it("measures the TTL from creation when the issue time is unknown", () => {
    const c = cleanCredential({ issuedAt: null, createdAt: issued, expiresAt: issued + 91 * DAY });
    expect(longLived.evaluate(c, cleanContext(), s)?.evidence).toMatch(/^TTL 91 d/);
  });
  it("follows the policy's maximum", () => {
    expect(longLived.evaluate(cleanCredential({ issuedAt: issued, expiresAt: issued + 31 * DAY }), cleanContext(), { ...s, maxTtlDays: 30 })).not.toBeNull();
  });
});

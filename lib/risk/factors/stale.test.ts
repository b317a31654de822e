import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/risk/factors/format";
import { stale } from "@/lib/risk/factors/stale";
import { cleanContext, cleanCredential, daysAgo, NOW } from "@/lib/risk/testing/builders";

const s = stale.defaults; // unusedDays 90
const ctx = cleanContext();

describe("stale", () => {
  it("is silent below and exactly at the unused period", () => {
    expect(stale.evaluate(cleanCredential({ lastUsedAt: daysAgo(89) }), ctx, s)).toBeNull();
    expect(stale.evaluate(cleanCredential({ lastUsedAt: daysAgo(90) }), ctx, s)).toBeNull();
  });
  it("flags last use just past the period, with the real number of days", () => {
    expect(stale.evaluate(cleanCredential({ lastUsedAt: NOW - 90 * DAY - 1 }), ctx, s)).toMatchObject({ points: 25 });
    expect(stale.evaluate(cleanCredential({ lastUsedAt: daysAgo(120) }), ctx, s)?.evidence).toBe("Last used 120 d ago (policy: unused for more than 90 d)");
  });
  it("grades by how long it has been idle: the full grade at four times the period", () => {
    const at = (days: number) => stale.evaluate(cleanCredential({ lastUsedAt: daysAgo(days) }), ctx, s)!.points;
    expect(at(91)).toBe(25);
    expect(at(180)).toBe(28);
    expect(at(225)).toBe(30);
    expect(at(360)).toBe(35);
    expect(at(3000)).toBe(35);
  });
  it("flags a credential never used long after issue, but not a new one", () => {
    expect(stale.evaluate(cleanCredential({ lastUsedAt: null, issuedAt: daysAgo(90) }), ctx, s)).toBeNull();
    expect(stale.evaluate(cleanCredential({ lastUsedAt: null, issuedAt: daysAgo(150) }), ctx, s)?.evidence).toBe(
      "Never used in the 150 d since it was issued (policy: unused for more than 90 d)",
    );
  });
});

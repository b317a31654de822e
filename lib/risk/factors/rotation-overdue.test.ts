import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/risk/factors/format";
import { rotationOverdue } from "@/lib/risk/factors/rotation-overdue";
import { cleanContext, cleanCredential, daysAgo, NOW } from "@/lib/risk/testing/builders";

const s = rotationOverdue.defaults; // maxDays 90
const ctx = cleanContext();

describe("rotation-overdue", () => {
  it("is silent below and exactly at the rotation period", () => {
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: daysAgo(89) }), ctx, s)).toBeNull();
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: daysAgo(90) }), ctx, s)).toBeNull();
  });
  it("flags the last rotation just past the period", () => {
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: NOW - 90 * DAY - 1 }), ctx, s)).toMatchObject({ points: 25 });
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: daysAgo(214) }), ctx, s)?.evidence).toBe("Last rotated 214 d ago (policy: every 90 d)");
  });
  it("grades by how overdue: the full grade at four times the period", () => {
    const at = (days: number) => rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: daysAgo(days) }), ctx, s)!.points;
    expect([91, 180, 225, 360, 5000].map(at)).toEqual([25, 28, 30, 35, 35]);
  });
  it("counts from issue when never rotated", () => {
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: null, issuedAt: daysAgo(90) }), ctx, s)).toBeNull();
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: null, issuedAt: daysAgo(91) }), ctx, s)?.evidence).toBe(
      "Never rotated since it was issued 91 d ago (policy: every 90 d)",
    );
  });
  it("falls back to the creation time when the issue time is unknown", () => {
    expect(rotationOverdue.evaluate(cleanCredential({ lastRotatedAt: null, issuedAt: null, createdAt: daysAgo(100) }), ctx, s)).not.toBeNull();
  });
});

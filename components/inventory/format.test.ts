import { describe, expect, it } from "vitest";
import { formatCount, formatCountdown, formatDuration, formatRelative, roundEstimate } from "@/components/inventory/format";

describe("inventory formatting", () => {
  it("labels counts honestly: exact, estimated, or a lower bound", () => {
    expect(formatCount({ value: 1234, precision: "exact" })).toBe("1,234");
    expect(formatCount({ value: 1_234_567, precision: "estimate" })).toBe("about 1.2M");
    expect(formatCount({ value: 48_750, precision: "estimate" })).toBe("about 49K");
    expect(formatCount({ value: 10_000, precision: "atLeast" })).toBe("more than 10,000");
  });

  it("rounds estimates to two significant digits", () => {
    expect(roundEstimate(87)).toBe(87);
    expect(roundEstimate(1_234_567)).toBe(1_200_000);
    expect(roundEstimate(996_004)).toBe(1_000_000);
  });

  it("writes durations and relative times coarsest-first", () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    expect(formatDuration(90 * 1000)).toBe("1 min");
    expect(formatDuration(5 * 3_600_000)).toBe("5 h");
    expect(formatDuration(40 * 86_400_000)).toBe("40 d");
    expect(formatDuration(400 * 86_400_000)).toBe("13 mo");
    expect(formatDuration(1000 * 86_400_000)).toBe("2.7 y");
    expect(formatRelative("2026-11-23T12:00:00Z", now)).toBe("in 3 d");
    expect(formatRelative("2026-11-20T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-11-20T12:00:10Z", now)).toBe("just now");
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000)).toBe("2 d 3 h 4 min");
    expect(formatCountdown(-(65 * 1000))).toBe("1 min 5 s");
  });
});

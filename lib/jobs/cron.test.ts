import { describe, expect, it } from "vitest";
import { parseCron, previousSlot } from "@/lib/jobs/cron";

const at = (iso: string) => new Date(iso);

describe("cron", () => {
  it("finds the latest daily slot at or before now", () => {
    const daily = parseCron("10 0 * * *");
    expect(previousSlot(daily, at("2026-06-01T00:10:00Z"))?.toISOString()).toBe("2026-06-01T00:10:00.000Z");
    expect(previousSlot(daily, at("2026-06-01T00:09:59Z"))?.toISOString()).toBe("2026-05-31T00:10:00.000Z");
    expect(previousSlot(daily, at("2026-06-01T18:00:00Z"))?.toISOString()).toBe("2026-06-01T00:10:00.000Z");
  });
  it("handles steps, ranges, lists and day-of-week", () => {
    expect(previousSlot(parseCron("*/15 * * * *"), at("2026-06-01T10:44:00Z"))?.toISOString()).toBe("2026-06-01T10:30:00.000Z");
    expect(previousSlot(parseCron("0 9-17/4 * * *"), at("2026-06-01T16:00:00Z"))?.toISOString()).toBe("2026-06-01T13:00:00.000Z");
    // 2026-06-01 is a Monday; the previous Sunday (0) is 2026-05-31.
    expect(previousSlot(parseCron("0 3 * * 0"), at("2026-06-01T12:00:00Z"))?.toISOString()).toBe("2026-05-31T03:00:00.000Z");
    expect(previousSlot(parseCron("0 0 1,15 * *"), at("2026-06-10T00:00:00Z"))?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });
  it("rejects malformed expressions with the field at fault", () => {
    expect(() => parseCron("* * *")).toThrow(/expected 5 fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/cron minute: "61" is outside 0-59/);
    expect(() => parseCron("x * * * *")).toThrow(/cron minute: cannot read "x"/);
  });
});

import { describe, expect, it } from "vitest";
import { daysLeft, expiresInLabel, scopeLabel } from "@/components/api-keys/format";

describe("API key formatting", () => {
  const now = Date.parse("2026-12-03T12:00:00Z");
  it("counts whole days left, rounding down", () => {
    expect(daysLeft("2026-12-12T14:00:00Z", now)).toBe(9);
    expect(daysLeft("2026-12-03T15:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-12-01T12:00:00Z", now)).toBe(-2);
  });
  it("says how soon a key expires", () => {
    expect(expiresInLabel(0)).toBe("expires in < 1 day");
    expect(expiresInLabel(1)).toBe("expires in 1 day");
    expect(expiresInLabel(9)).toBe("expires in 9 days");
  });
  it("labels scopes from the registry, and a retired id as itself", () => {
    expect(scopeLabel("inventory:read")).toBe("Read the inventory");
    expect(scopeLabel("retired:scope")).toBe("retired:scope");
  });
});

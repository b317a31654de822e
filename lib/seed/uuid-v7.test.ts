import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/seed/prng";
import { UUID_V7_PATTERN, uuidV7 } from "@/lib/seed/uuid-v7";

describe("uuidV7", () => {
  it("is a version-7, RFC 9562 variant UUID carrying the given millisecond time", () => {
    const rng = createRng(1);
    const ms = Date.UTC(2025, 5, 1, 12, 0, 0, 123);
    const id = uuidV7(ms, rng);
    expect(id).toMatch(UUID_V7_PATTERN);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
  });

  it("sorts by time and does not collide", () => {
    const rng = createRng(2);
    const ids = Array.from({ length: 50_000 }, (_, i) => uuidV7(1_700_000_000_000 + i, rng));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

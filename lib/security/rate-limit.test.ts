import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/security/rate-limit";

describe("rate limiter", () => {
  it("allows `limit` hits per window per key, then refuses until the window ends", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    const hits = [0, 1, 2, 3].map(() => limiter.hit("k", 0).allowed);
    expect(hits).toEqual([true, true, true, false]);
    expect(limiter.hit("other", 0).allowed).toBe(true);
    expect(limiter.hit("k", 999).retryAfterMs).toBe(1);
    expect(limiter.hit("k", 1000).allowed).toBe(true);
  });
  it("stays bounded in memory", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`, 0);
    expect(limiter.hit("k999", 0).allowed).toBe(false);
  });
});

describe("rate limiter checks", () => {
  it("reports a key as limited without counting, and forgets it on reset", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.isLimited("k", 0)).toBe(false);
    limiter.hit("k", 0);
    limiter.hit("k", 0);
    expect(limiter.isLimited("k", 0)).toBe(true);
    expect(limiter.isLimited("k", 0)).toBe(true);
    limiter.reset("k");
    expect(limiter.isLimited("k", 0)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { advance, createMemoryRateLimitStore } from "@/lib/security/rate-limit";

const rule = { limit: 3, windowMs: 1000 };

describe("memory rate-limit store", () => {
  it("allows `limit` reservations per window per key, then refuses until the window ends", async () => {
    const store = createMemoryRateLimitStore();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push((await store.reserve("k", rule, 0)).allowed);
    expect(hits).toEqual([true, true, true, false]);
    expect((await store.reserve("other", rule, 0)).allowed).toBe(true);
    expect((await store.reserve("k", rule, 999)).retryAfterMs).toBe(1);
    expect((await store.reserve("k", rule, 1000)).allowed).toBe(true);
  });

  it("does not count refused reservations, gives back released ones and forgets reset keys", async () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 10; i++) await store.reserve("k", rule, 0);
    await store.release("k", 0);
    expect(await store.reserve("k", rule, 0)).toMatchObject({ allowed: true, count: 3 });
    await store.reset("k");
    expect(await store.reserve("k", rule, 0)).toMatchObject({ allowed: true, count: 1 });
  });

  it("never evicts a live window: 10,000 junk keys do not wipe a victim's count, new keys are refused instead", async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 1000 });
    const long = { limit: 2, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) await store.reserve("victim", long, 0);
    const junk = [];
    for (let i = 0; i < 10_000; i++) junk.push((await store.reserve(`junk${i}`, long, 1)).allowed);
    expect((await store.reserve("victim", long, 2)).allowed).toBe(false);
    expect(junk.filter(Boolean).length).toBe(999);
    // Once windows expire, room is made for new keys.
    expect((await store.reserve("newcomer", long, 60_002)).allowed).toBe(true);
  });
});

describe("exponential back-off", () => {
  const backoff = { limit: 1000, windowMs: 60_000, backoff: { freeAttempts: 3, baseMs: 1000, maxMs: 8000 } };
  it("lets the free attempts through, then doubles the wait after each counted attempt, capped", () => {
    let state = null;
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      const step = advance(state, backoff, now);
      expect(step.reservation.allowed).toBe(true);
      state = step.state;
      waits.push(Math.max(0, state.nextAt - now));
      now = Math.max(now, state.nextAt);
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
  it("refuses during the wait, says how long, and forgets only after a quiet window", () => {
    let state = null;
    for (let i = 0; i < 3; i++) state = advance(state, backoff, 0).state;
    expect(advance(state, backoff, 400).reservation).toEqual({ allowed: false, count: 3, retryAfterMs: 600 });
    expect(state!.resetAt).toBe(61_000);
    expect(advance(state, backoff, 61_000).reservation).toMatchObject({ allowed: true, count: 1 });
  });
});

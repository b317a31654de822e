import { describe, expect, it } from "vitest";
import { createRng, hashSeed, mulberry32 } from "@/lib/seed/prng";

describe("createRng", () => {
  it("replays the same stream for the same seed and label", () => {
    const a = createRng(42, "x");
    const b = createRng(42, "x");
    expect(Array.from({ length: 50 }, () => a.next())).toEqual(Array.from({ length: 50 }, () => b.next()));
  });

  it("gives unrelated streams to different seeds, labels and forks", () => {
    const first = (r: ReturnType<typeof createRng>) => Array.from({ length: 8 }, () => r.hex(8)).join("");
    const streams = [createRng(1), createRng(2), createRng(1, "a"), createRng(1).fork("a"), createRng(1).fork("b")].map(first);
    expect(new Set(streams).size).toBe(streams.length);
  });

  it("forks do not depend on how far the parent has advanced", () => {
    const parent = createRng(7);
    const early = parent.fork("chunk:3").next();
    for (let i = 0; i < 1000; i++) parent.next();
    expect(parent.fork("chunk:3").next()).toBe(early);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const rng = createRng(3);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const v = rng.next();
      expect(v >= 0 && v < 1).toBe(true);
      buckets[Math.floor(v * 10)]++;
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it("int, chance, weighted, sample and logUniform respect their contracts", () => {
    const rng = createRng(5);
    const ints = Array.from({ length: 5000 }, () => rng.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    const hits = Array.from({ length: 20_000 }, () => rng.chance(0.25)).filter(Boolean).length;
    expect(hits / 20_000).toBeCloseTo(0.25, 1);
    const picks = Array.from({ length: 20_000 }, () => rng.weighted([["a", 3], ["b", 1]] as const));
    expect(picks.filter((p) => p === "a").length / 20_000).toBeCloseTo(0.75, 1);
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    for (let i = 0; i < 1000; i++) {
      const v = rng.logUniform(10, 1000);
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(1000);
    }
    expect(rng.hex(37)).toMatch(/^[0-9a-f]{37}$/);
  });

  it("rejects empty picks instead of returning undefined", () => {
    expect(() => createRng(1).pick([])).toThrow();
    expect(() => createRng(1).weighted([])).toThrow();
  });
});

describe("building blocks", () => {
  it("mulberry32 is the published algorithm (first output for seed 0)", () => {
    expect(Math.round(mulberry32(0)() * 4_294_967_296)).toBe(1_144_304_738);
  });

  it("hashSeed separates labels", () => {
    expect(hashSeed(1, "a")).not.toBe(hashSeed(1, "b"));
    expect(hashSeed(1, "a")).not.toBe(hashSeed(2, "a"));
  });
});

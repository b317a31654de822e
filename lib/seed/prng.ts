/**
 * A small seeded PRNG so `--seed S` reproduces the same data set. Math.random cannot be seeded, and
 * node:crypto is both unseedable and ~20× slower for the hundreds of millions of draws a 1M run makes.
 *
 * sfc32 (128-bit state) rather than the popular mulberry32: the generator is forked per chunk of
 * credentials, and with only 2^32 states two forks' streams would overlap within a 1M-row run,
 * repeating "random" secrets and so fingerprints (a unique column). mulberry32 only expands the
 * seed into sfc32's four state words.
 * Never use it for anything secret (demo passwords come from node:crypto).
 */

export type TRng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** k distinct items (order random); k is clamped to the list length. */
  sample<T>(items: readonly T[], k: number): T[];
  /** Log-uniform in [min, max]: as many values between 1 h and 1 d as between 1 d and 24 d. */
  logUniform(min: number, max: number): number;
  /** Lowercase hex string of n characters. */
  hex(n: number): string;
  /** n characters drawn from `alphabet`. */
  chars(n: number, alphabet: string): string;
  /** A child generator whose stream does not depend on how many draws the parent makes later. */
  fork(label: string): TRng;
};

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: mixes a label into a seed so forks for different purposes get unrelated streams. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number, label = ""): TRng {
  // Two independent 32-bit hashes of (seed, label): forks collide with odds ~2^-64, not 2^-32.
  const h1 = hashSeed(seed, label);
  const h2 = hashSeed(~seed, `${label}\u0000`);
  const seeder = mulberry32(h1 ^ Math.imul(h2, 0x9e3779b1));
  const next = sfc32(h1, h2, Math.floor(seeder() * 4_294_967_296), Math.floor(seeder() * 4_294_967_296));
  // Discard the first outputs: sfc32 needs a few rounds to mix a freshly seeded state.
  for (let i = 0; i < 12; i++) next();
  const rng: TRng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted pick from an empty list");
      return last[0];
    },
    sample: (items, k) => {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      // Partial Fisher–Yates: only the first n positions are shuffled.
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, n);
    },
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    hex: (n) => {
      // 8 hex digits per draw: ids, trace ids and secrets make this the hottest helper.
      let out = "";
      while (out.length < n) out += Math.floor(next() * 4_294_967_296).toString(16).padStart(8, "0");
      return out.slice(0, n);
    },
    chars: (n, alphabet) => {
      let out = "";
      for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    fork: (child) => createRng(seed, `${label}/${child}`),
  };
  return rng;
}

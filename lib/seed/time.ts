import type { TRng } from "@/lib/seed/prng";

/** Times are plain epoch milliseconds inside the generator: cheaper than Date objects by the million. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Uniform instant in [from, to]; `to` below `from` collapses to `from`. */
export function between(rng: TRng, from: number, to: number): number {
  return to <= from ? from : Math.floor(from + rng.next() * (to - from));
}

/** An instant in [from, to] biased toward `to` (skew > 1 = more recent), as activity logs are. */
export function recentBetween(rng: TRng, from: number, to: number, skew = 3): number {
  return to <= from ? from : Math.floor(to - (to - from) * rng.next() ** skew);
}

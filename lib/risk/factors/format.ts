/** Small formatting helpers for evidence sentences: they must read the same in tests, UI and exports. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "365 d", "90 d 4 h", "6 h", "25 min": exact enough that "TTL 90 d 1 h exceeds the 90 d maximum" never reads as equal. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return `${hours} h`;
  return `${Math.max(1, Math.floor(abs / MINUTE))} min`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `a`, `b` and 3 more — scopes and names are quoted as code. */
export function quoteList(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((s) => `\`${s}\``);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Case-insensitive glob: `*` matches any run of characters, everything else literally. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "i");
}

/** Compiled once per pattern list: the scorer runs a million times per recompute. */
const compiled = new WeakMap<readonly string[], RegExp[]>();
export function matchesAny(value: string, patterns: readonly string[]): string | null {
  let list = compiled.get(patterns);
  if (!list) {
    list = patterns.map(globToRegExp);
    compiled.set(patterns, list);
  }
  for (let i = 0; i < list.length; i++) if (list[i]!.test(value)) return patterns[i]!;
  return null;
}

export function normaliseAudience(audience: string): string {
  return audience.replace(/\/+$/, "");
}

/** How far past its threshold evidence must be (as a multiple of the threshold) to reach the full grade. */
export const GRADE_SPAN = 3;
/** A graded factor's points rise by at most this share of its base as the evidence worsens. */
export const GRADE_MAX = 0.4;

/**
 * Points for evidence of a given magnitude: `base` at the threshold, rising linearly with `ratio`
 * (0 at the threshold, 1 at full grade) to `base × (1 + max)`, whole points, never above 100. Graded
 * points keep the top of the list ranking: a key unused for two years outranks one unused for 91 days.
 */
export function graded(base: number, ratio: number, max = GRADE_MAX): number {
  const r = Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1;
  return Math.min(100, Math.round(base * (1 + max * r)));
}

/** The share of the full grade reached by `value` past `threshold` (both in the same unit). */
export function pastThreshold(value: number, threshold: number): number {
  return threshold > 0 ? (value - threshold) / (GRADE_SPAN * threshold) : 1;
}

/**
 * The hop-log explorer's query language: URL search params ⇄ a typed filter + keyset page. One
 * parser for the page's URL (server component), the route's query string (zod wrapper in
 * lib/usage/schemas.ts) and the browser's filter bar, so a shared link means the same everywhere.
 * Every filter is exact and single-valued: each one leads an index ending in (time, id), so any
 * combination is one ordered index walk (migration 20261220300000_usage_explorer).
 */

// USAGE_OUTCOMES of lib/usage/schemas.ts, repeated so the browser's filter bar never loads zod
// (hop-log-params.test.ts holds them equal).
export const HOP_OUTCOMES = ["allowed", "denied", "error", "task_completed"] as const;
export type TUsageOutcome = (typeof HOP_OUTCOMES)[number];

export type THopFilter = {
  credential?: string;
  trace?: string;
  caller?: string;
  target?: string;
  tool?: string;
  outcome?: TUsageOutcome;
  /** Inclusive lower bound, ISO 8601 UTC. */
  from?: string;
  /** Exclusive upper bound, ISO 8601 UTC. */
  to?: string;
};

export type THopQuery = THopFilter & { limit: number; after?: string; before?: string };

export const HOP_FILTER_KEYS = ["credential", "trace", "caller", "target", "tool", "outcome", "from", "to"] as const;
export const HOP_DEFAULT_LIMIT = 50;
export const HOP_MAX_LIMIT = 200;

export type THopIssue = { path: string; message: string };
export type THopParsed = { success: true; data: THopQuery } | { success: false; error: { issues: THopIssue[] } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The same alphabets ingestion accepts (lib/usage/schemas.ts): nothing else can match a stored hop.
const OPAQUE = /^[\x21-\x7e]{1,256}$/;
const LABEL = /^[^\u0000-\u001f\u007f]{1,512}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
// A date, or a date and time (minutes at least), optionally with seconds, fraction and Z: read as UTC.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?Z?)?$/;
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 9999;

/** An instant the database can compare with, as toISOString writes it; null if it is not one. */
export function parseInstant(raw: string): string | null {
  const m = INSTANT.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", ms = "0"] = m;
  const year = Number(y);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, "0"))));
  // Date.UTC rolls 2026-02-31 over into March: refuse instead of guessing.
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return date.toISOString();
}

const PARSERS: Record<string, (raw: string) => unknown> = {
  credential: (raw) => (UUID.test(raw) ? raw.toLowerCase() : fail("must be a credential id")),
  trace: (raw) => (OPAQUE.test(raw) ? raw : fail("must be a trace id: printable ASCII without spaces, at most 256 characters")),
  caller: label,
  target: label,
  tool: label,
  outcome: (raw) => ((HOP_OUTCOMES as readonly string[]).includes(raw) ? raw : fail(`"${raw.slice(0, 60)}" is not an outcome (expected ${HOP_OUTCOMES.join(", ")})`)),
  from: instant,
  to: instant,
  limit: (raw) => {
    const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    return n >= 1 && n <= HOP_MAX_LIMIT ? n : fail(`must be a whole number from 1 to ${HOP_MAX_LIMIT}`);
  },
  after: cursor,
  before: cursor,
};

class FieldError extends Error {}
function fail(message: string): never {
  throw new FieldError(message);
}
function label(raw: string): string {
  return LABEL.test(raw) ? raw : fail("must be 1 to 512 characters without control characters");
}
function instant(raw: string): string {
  return parseInstant(raw) ?? fail("must be a date or date-time between the years 2000 and 9999 (UTC), e.g. 2026-12-05T14:30");
}
function cursor(raw: string): string {
  return CURSOR.test(raw) ? raw : fail("is not a page cursor from this hop log");
}

/** Parses one string per param (as in the URL). Unknown params are refused: a typo never widens the view. */
export function parseHopQuery(record: Record<string, unknown>): THopParsed {
  const issues: THopIssue[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const parse = PARSERS[key];
    if (!parse) {
      issues.push({ path: key.slice(0, 40), message: `is not a hop log filter (expected ${Object.keys(PARSERS).join(", ")})` });
      continue;
    }
    if (typeof raw !== "string") {
      issues.push({ path: key, message: "must be given once, as text" });
      continue;
    }
    if (raw === "") continue;
    try {
      values[key] = parse(raw);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      issues.push({ path: key, message: error.message });
    }
  }
  if (values.after !== undefined && values.before !== undefined) issues.push({ path: "before", message: "give either after or before, not both" });
  if (typeof values.from === "string" && typeof values.to === "string" && values.from >= values.to) issues.push({ path: "to", message: "must be later than from" });
  if (issues.length) return { success: false, error: { issues } };
  const query: THopQuery = { ...hopFilterOf(values as THopFilter), limit: (values.limit as number | undefined) ?? HOP_DEFAULT_LIMIT };
  if (values.after !== undefined) query.after = values.after as string;
  if (values.before !== undefined) query.before = values.before as string;
  return { success: true, data: query };
}

export function describeHopIssues(issues: readonly THopIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
}

export function hopFilterOf(query: THopFilter): THopFilter {
  const out: Record<string, unknown> = {};
  for (const key of HOP_FILTER_KEYS) if (query[key] !== undefined) out[key] = query[key];
  return out as THopFilter;
}

/** Canonical: fixed key order, defaults left out, so equal queries give equal URLs and query keys. */
export function hopQueryToSearchParams(query: Partial<THopQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of HOP_FILTER_KEYS) if (query[key] !== undefined) params.set(key, String(query[key]));
  if (query.after) params.set("after", query.after);
  if (query.before) params.set("before", query.before);
  if (query.limit && query.limit !== HOP_DEFAULT_LIMIT) params.set("limit", String(query.limit));
  return params;
}

/** The explorer URL for a filter: what risk evidence, alerts and credential pages link to. */
export function usageHref(filter: THopFilter = {}): string {
  const qs = hopQueryToSearchParams(filter).toString();
  return qs ? `/usage?${qs}` : "/usage";
}

/** Next's searchParams record or URLSearchParams → one string per key (a repeated key is an issue). */
export function hopSearchRecord(input: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (input instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const key of new Set(input.keys())) {
      const all = input.getAll(key);
      out[key] = all.length === 1 ? all[0] : all;
    }
    return out;
  }
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** One explorer row as the API answers it. */
export type THopRow = {
  id: string;
  eventId: string;
  time: string;
  traceId: string;
  spanId: string;
  credential: { id: string; name: string; hint: string | null } | null;
  caller: { kind: string; id: string; environment: string | null };
  target: { kind: string; id: string; audience: string | null };
  tool: string | null;
  outcome: TUsageOutcome;
};

export type THopPage = { items: THopRow[]; nextCursor: string | null; prevCursor: string | null };

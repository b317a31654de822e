import {
  CREDENTIAL_KINDS,
  CREDENTIAL_STATUSES,
  ENVIRONMENTS,
  IDENTITY_KINDS,
  RISK_LEVELS,
  type TCredentialKind,
  type TCredentialStatus,
  type TEnvironment,
  type TIdentityKind,
  type TRiskLevel,
} from "@/lib/inventory/vocabulary";
import { allFrameworkItemIds } from "@/lib/risk/frameworks/catalogue";
import { FACTOR_IDS, type TFactorIdName } from "@/lib/risk/factors/factor-ids";
import { PRIVILEGES, type TPrivilege } from "@/lib/scopes/privileges";

/**
 * The inventory's query language: URL search params ⇄ a typed filter + sort + page. The same parsers
 * validate the page's URL (server component), the route handler's query string (through the zod
 * wrappers in lib/inventory/schemas.ts) and the browser's filter bar, so a shared link means the same
 * thing everywhere. Every param is a string in the URL; lists are comma-separated
 * (`status=active,expired`); flags are `1`.
 */

export const SORT_KEYS = [
  "risk", "name", "provider", "kind", "status", "environment", "owner", "team", "expires", "lastUsed", "lastRotated", "created",
] as const;
export type TSortKey = (typeof SORT_KEYS)[number];
export type TSortDir = "asc" | "desc";

export const DEFAULT_SORT: TSortKey = "risk";
/** The direction a column sorts in when first clicked: worst / soonest / newest first. */
export const DEFAULT_DIR: Record<TSortKey, TSortDir> = {
  risk: "desc", name: "asc", provider: "asc", kind: "asc", status: "asc", environment: "asc", owner: "asc", team: "asc",
  expires: "asc", lastUsed: "desc", lastRotated: "desc", created: "desc",
};
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_LIST_VALUES = 50;
export const MAX_DAYS = 3650;
export const SEARCH_MAX_LENGTH = 200;
export const SCOPE_MAX_LENGTH = 100;

export type TCredentialFilter = {
  q?: string;
  provider?: string[];
  kind?: TCredentialKind[];
  status?: TCredentialStatus[];
  env?: TEnvironment[];
  risk?: TRiskLevel[];
  /** A user id, or "none" for credentials without an owner. */
  owner?: string;
  /** Team ids, or ["none"] for credentials without a team. */
  team?: string[];
  orphaned?: true;
  /** Owned by the viewer or one of the viewer's teams (the authorization seam's "owned" reach). */
  mine?: true;
  /** Kind of the identity that holds the credential (agent, MCP client …). */
  holder?: TIdentityKind[];
  /** Held by this identity: its own credentials and those it holds through a binding. */
  identity?: string;
  /** Presented to or held by this MCP server (through a binding). */
  server?: string;
  framework?: string;
  /** A risk factor id (lib/risk/factors): credentials whose current score includes it. */
  factor?: TFactorIdName;
  expiresWithin?: number;
  neverExpires?: true;
  /** Auto-refreshing access tokens (lib/inventory/auto-refresh.ts): only them, or leave them out. */
  autoRefresh?: "only" | "exclude";
  /** YYYY-MM-DD (UTC midnight). */
  lastUsedBefore?: string;
  lastUsedAfter?: string;
  neverUsed?: true;
  unusedFor?: number;
  exposed?: true;
  shared?: true;
  scope?: string;
  /** Credentials holding at least one grant of any of these classes (lib/scopes, credential_risks.privileges). */
  privilege?: TPrivilege[];
};

export type TCredentialListQuery = TCredentialFilter & {
  sort: TSortKey;
  dir: TSortDir;
  after?: string;
  before?: string;
  limit: number;
};

/** Filter params in their canonical URL order (also the order of the chips in the filter bar). */
export const FILTER_KEYS = [
  "q", "status", "provider", "kind", "env", "risk", "owner", "team", "mine", "orphaned", "holder", "identity", "server", "framework",
  "factor", "expiresWithin", "neverExpires", "autoRefresh", "lastUsedBefore", "lastUsedAfter", "neverUsed", "unusedFor", "exposed", "shared", "scope", "privilege",
] as const satisfies readonly (keyof TCredentialFilter)[];
export type TFilterKey = (typeof FILTER_KEYS)[number];

// ---------------------------------------------------------------------------------------------
// Field parsers. Plain functions, no schema library: this module ships to the browser (the filter
// bar), where every kilobyte counts; lib/inventory/schemas.ts wraps the same parsers in zod for
// the route pipeline. Messages name the value that was refused and what would be accepted.
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TIssue = { path: string; message: string };
export type TParsed<T> = { success: true; data: T } | { success: false; error: { issues: TIssue[] } };

class FieldError extends Error {}
const fail = (message: string): never => {
  throw new FieldError(message);
};

function splitList(raw: string): string[] {
  return [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
}

function enumList<const T extends string>(noun: string, values: readonly T[]) {
  return (raw: string): T[] => {
    const list = splitList(raw);
    if (list.length === 0) fail(`give at least one ${noun}`);
    const bad = list.find((v) => !(values as readonly string[]).includes(v));
    if (bad !== undefined) fail(`"${bad}" is not a ${noun} (expected ${values.join(", ")})`);
    return list as T[];
  };
}

/**
 * A single value from a declared set. Any enumerated param declared with enumList / oneOf answers
 * an unknown value with the accepted ones, so a new enumeration gets that by declaration alone.
 */
export function oneOf<const T extends string>(noun: string, values: readonly T[]) {
  return (raw: string): T => {
    const value = raw.trim();
    if (!(values as readonly string[]).includes(value)) fail(`"${value.slice(0, 60)}" is not a ${noun} (expected ${values.join(", ")})`);
    return value as T;
  };
}

function uuidList(noun: string, { allowNone = false } = {}) {
  return (raw: string): string[] => {
    const list = splitList(raw);
    if (list.length === 0 || list.length > MAX_LIST_VALUES) fail(`give between 1 and ${MAX_LIST_VALUES} ${noun} ids`);
    if (allowNone && list.includes("none")) {
      if (list.length > 1) fail(`"none" cannot be combined with ${noun} ids`);
      return ["none"];
    }
    const bad = list.find((v) => !UUID.test(v));
    if (bad !== undefined) fail(`"${bad}" is not a ${noun} id${allowNone ? ` (or "none")` : ""}`);
    return list.map((v) => v.toLowerCase());
  };
}

function oneId(noun: string, { allowNone = false } = {}) {
  return (raw: string): string => {
    const value = raw.trim();
    if (allowNone && value === "none") return "none";
    if (!UUID.test(value)) fail(`"${value}" is not a ${noun} id${allowNone ? ` (or "none")` : ""}`);
    return value.toLowerCase();
  };
}

function flag(name: string) {
  return (raw: string): true => (raw === "1" || raw === "true" ? true : fail(`${name} is a flag: use ${name}=1, or leave it out`));
}

function days(name: string) {
  return (raw: string): number => {
    const n = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) fail(`${name} must be a whole number of days from 1 to ${MAX_DAYS}`);
    return n;
  };
}

function isoDay(name: string) {
  return (raw: string): string => {
    const value = raw.trim();
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) fail(`${name} must be a date as YYYY-MM-DD`);
    return value;
  };
}

/** Search text: at least one letter or digit (the full-text index knows nothing else). */
function search(raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  if (value.length > SEARCH_MAX_LENGTH) fail(`search text is at most ${SEARCH_MAX_LENGTH} characters`);
  if (searchTerms(value).length === 0) fail("search text needs at least one letter or digit");
  return value;
}

function scope(raw: string): string | undefined {
  const value = raw.trim();
  if (value === "") return undefined;
  if (value.length > SCOPE_MAX_LENGTH || /\p{Cc}/u.test(value)) fail(`scope is printable text of at most ${SCOPE_MAX_LENGTH} characters`);
  return value;
}

/** Framework item ids from the catalogue (NHI7, ASI03, PR.AA …): an unknown id filters nothing, so it is refused. */
const framework = oneOf("framework item", allFrameworkItemIds());
const factor = oneOf("risk factor", FACTOR_IDS);

/** Up to 8 search words, letters and digits only: safe to turn into a prefix tsquery. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((t) => t.slice(0, 64));
}

const FILTER_PARSERS: { [K in TFilterKey]-?: (raw: string) => TCredentialFilter[K] } = {
  q: search,
  provider: uuidList("provider"),
  kind: enumList("credential kind", CREDENTIAL_KINDS),
  status: enumList("status", CREDENTIAL_STATUSES),
  env: enumList("environment", ENVIRONMENTS),
  risk: enumList("risk level", RISK_LEVELS),
  owner: oneId("user", { allowNone: true }),
  team: uuidList("team", { allowNone: true }),
  mine: flag("mine"),
  orphaned: flag("orphaned"),
  holder: enumList("identity kind", IDENTITY_KINDS),
  identity: oneId("identity"),
  server: oneId("MCP server"),
  framework,
  factor,
  expiresWithin: days("expiresWithin"),
  neverExpires: flag("neverExpires"),
  autoRefresh: oneOf("value for auto-refresh", ["only", "exclude"] as const),
  lastUsedBefore: isoDay("lastUsedBefore"),
  lastUsedAfter: isoDay("lastUsedAfter"),
  neverUsed: flag("neverUsed"),
  unusedFor: days("unusedFor"),
  exposed: flag("exposed"),
  shared: flag("shared"),
  scope,
  privilege: enumList("privilege", PRIVILEGES),
};

const PAGE_PARSERS = {
  sort: (raw: string): TSortKey => ((SORT_KEYS as readonly string[]).includes(raw) ? (raw as TSortKey) : fail(`sort must be one of ${SORT_KEYS.join(", ")}`)),
  dir: (raw: string): TSortDir => (raw === "asc" || raw === "desc" ? raw : fail("dir must be asc or desc")),
  after: cursor,
  before: cursor,
  limit: (raw: string): number => {
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    return n >= 1 && n <= MAX_LIMIT ? n : fail(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  },
};

function cursor(raw: string): string {
  return /^[A-Za-z0-9_-]{1,600}$/.test(raw) ? raw : fail("cursor is not a page cursor from this inventory");
}

function refineFilter(f: TCredentialFilter, issues: TIssue[]) {
  const clash = (a: TFilterKey, b: TFilterKey, why: string) => {
    if (f[a] !== undefined && f[b] !== undefined) issues.push({ path: b, message: `${a} and ${b} cannot be combined: ${why}` });
  };
  clash("neverExpires", "expiresWithin", "a credential that never expires does not expire within any number of days");
  clash("neverUsed", "lastUsedBefore", "a credential never used has no last use");
  clash("neverUsed", "lastUsedAfter", "a credential never used has no last use");
  if (f.lastUsedAfter && f.lastUsedBefore && f.lastUsedAfter >= f.lastUsedBefore) {
    issues.push({ path: "lastUsedAfter", message: "lastUsedAfter must be earlier than lastUsedBefore" });
  }
}

function parseRecord(record: Record<string, unknown>, withPage: boolean): { values: Record<string, unknown>; issues: TIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: TIssue[] = [];
  const parsers: Record<string, (raw: string) => unknown> = withPage ? { ...FILTER_PARSERS, ...PAGE_PARSERS } : { ...FILTER_PARSERS };
  for (const [key, raw] of Object.entries(record)) {
    const parse = Object.hasOwn(parsers, key) ? parsers[key] : undefined;
    if (!parse) {
      issues.push({ path: "", message: `"${key.slice(0, 60)}" is not an inventory parameter (expected ${[...FILTER_KEYS, ...(withPage ? Object.keys(PAGE_PARSERS) : [])].join(", ")})` });
      continue;
    }
    if (typeof raw !== "string") {
      issues.push({ path: key, message: "must be text" });
      continue;
    }
    try {
      const value = parse(raw);
      if (value !== undefined) values[key] = value;
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      issues.push({ path: key, message: error.message });
    }
  }
  if (issues.length === 0) refineFilter(values as TCredentialFilter, issues);
  return { values, issues };
}

/** Filters only (the count route). Input: one string per param, as in the URL. */
export function parseCredentialFilter(record: Record<string, unknown>): TParsed<TCredentialFilter> {
  const { values, issues } = parseRecord(record, false);
  return issues.length ? { success: false, error: { issues } } : { success: true, data: filterOf(values as TCredentialFilter) };
}

/** Filters + sort + keyset page (the list route, the inventory pages). */
export function parseCredentialListQuery(record: Record<string, unknown>): TParsed<TCredentialListQuery> {
  const { values, issues } = parseRecord(record, true);
  if (values.after !== undefined && values.before !== undefined) issues.push({ path: "before", message: "give either after or before, not both" });
  if (issues.length) return { success: false, error: { issues } };
  const sort = (values.sort as TSortKey | undefined) ?? DEFAULT_SORT;
  const query: TCredentialListQuery = { ...filterOf(values as TCredentialFilter), sort, dir: (values.dir as TSortDir | undefined) ?? DEFAULT_DIR[sort], limit: (values.limit as number | undefined) ?? DEFAULT_LIMIT };
  if (values.after !== undefined) query.after = values.after as string;
  if (values.before !== undefined) query.before = values.before as string;
  return { success: true, data: query };
}

/** "status: \"x\" is not a status …; limit: …" — the first three problems, as the API reports them. */
export function describeIssues(issues: readonly TIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
}

// ---------------------------------------------------------------------------------------------
// Typed → URL. Canonical: fixed key order, defaults left out, so equal queries give equal URLs
// (and equal TanStack Query keys).
// ---------------------------------------------------------------------------------------------

export function filterOf(query: TCredentialFilter): TCredentialFilter {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (query[key] !== undefined) out[key] = query[key];
  return out as TCredentialFilter;
}

function encodeValue(value: unknown): string {
  if (value === true) return "1";
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

export function filterToSearchParams(filter: TCredentialFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) params.set(key, encodeValue(value));
  }
  return params;
}

export function listQueryToSearchParams(query: Partial<TCredentialListQuery>): URLSearchParams {
  const params = filterToSearchParams(query);
  const sort = query.sort ?? DEFAULT_SORT;
  if (sort !== DEFAULT_SORT) params.set("sort", sort);
  if (query.dir && query.dir !== DEFAULT_DIR[sort]) params.set("dir", query.dir);
  if (query.after) params.set("after", query.after);
  if (query.before) params.set("before", query.before);
  if (query.limit && query.limit !== DEFAULT_LIMIT) params.set("limit", String(query.limit));
  return params;
}

/** The inventory URL for a filter: what every overview tile, chart bar and cross-link points to. */
export function inventoryHref(filter: TCredentialFilter & { sort?: TSortKey; dir?: TSortDir } = {}): string {
  const qs = listQueryToSearchParams(filter).toString();
  return qs ? `/inventory?${qs}` : "/inventory";
}

/** Parses URLSearchParams (or Next's searchParams record) for the list; first value of repeated keys. */
export function parseListSearchParams(input: URLSearchParams | Record<string, string | string[] | undefined>): TParsed<TCredentialListQuery> {
  return parseCredentialListQuery(searchParamsRecord(input));
}

export function searchParamsRecord(input: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  if (input instanceof URLSearchParams) return Object.fromEntries(input);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

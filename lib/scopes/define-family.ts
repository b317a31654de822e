import type { TPrivilege } from "@/lib/scopes/privileges";

/**
 * A provider family declares its scopes once: exact entries, then pattern rules tried in order.
 * The registry (lib/scopes/registry.ts) maps provider types to families; classification, the UI's
 * badges and the over-privileged factor all read these declarations.
 */

export type TScopeEntry = { privilege: TPrivilege; reason: string };

export type TScopeRule = {
  /** Matched against the whole scope (after trimming); write anchored patterns with explicit character classes. */
  pattern: RegExp;
  privilege: TPrivilege | ((match: RegExpExecArray) => TPrivilege | null);
  reason: string | ((match: RegExpExecArray) => string);
};

export type TScopeFamily = {
  id: string;
  /** Shown in reasons: "Not in Tokenward's scope catalogue for GitHub". */
  label: string;
  /** AWS actions and SQL privileges are case-insensitive; OAuth scopes (RFC 6749 §3.3) are not. */
  caseInsensitive: boolean;
  /** Exact scopes, spelled as the provider spells them. */
  exact: Readonly<Record<string, TScopeEntry>>;
  rules: readonly TScopeRule[];
  /** Rewrites a scope before lookup (e.g. SQL `SELECT ON orders` → `SELECT`); must not throw. */
  normalise?: (scope: string) => string;
  /** A family whose scopes this one also understands; this family's own entries win. */
  fallback?: TScopeFamily;
};

export function defineScopeFamily(family: TScopeFamily): TScopeFamily {
  if (!family.caseInsensitive) return family;
  // Case-insensitive families are looked up lower-cased, and every rule ignores case.
  const exact = Object.fromEntries(Object.entries(family.exact).map(([k, v]) => [k.toLowerCase(), v]));
  const rules = family.rules.map((r) => (r.pattern.flags.includes("i") ? r : { ...r, pattern: new RegExp(r.pattern.source, `${r.pattern.flags}i`) }));
  return { ...family, exact, rules };
}

/** Shorthand for a rule, so provider files read as tables. */
export function rule(pattern: RegExp, privilege: TScopeRule["privilege"], reason: TScopeRule["reason"]): TScopeRule {
  return { pattern, privilege, reason };
}

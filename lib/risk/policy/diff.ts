/**
 * A flat diff of two policy documents: one entry per changed setting, keyed by its path. Lists
 * (patterns, kinds) compare as a whole. Used for the audit record and the "what changed" view.
 */

export type TPolicyChange = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return Object.is(a, b);
}

export function diffPolicies(before: unknown, after: unknown, prefix = ""): TPolicyChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffPolicies(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return same(before, after) ? [] : [{ path: prefix, before: before ?? null, after: after ?? null }];
}

/** The audit summary shape the audit table renders as "path before → after". */
export function changesToAuditSummary(changes: TPolicyChange[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  return {
    before: Object.fromEntries(changes.map((c) => [c.path, c.before])),
    after: Object.fromEntries(changes.map((c) => [c.path, c.after])),
  };
}

/**
 * The before/after of an audit event as a list of changes, one per leaf that differs. Summaries
 * often carry whole objects on both sides (a provider's settings, an owner and team), so the detail
 * view shows only what changed: a field equal on both sides is not a change, however deep.
 *
 * Rules: objects are compared key by key and reported by dotted path ("settings.region"); arrays are
 * leaves compared as a whole (an order change is a change); a key present on one side only is
 * "added" or "removed", and null is a value, distinct from missing ("owner: null" → "owner: x" is a
 * change, not an addition).
 */

export type TChangeKind = "added" | "removed" | "changed";
export type TChange = { path: string; kind: TChangeKind; before?: unknown; after?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality over JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

export function diffValues(before: unknown, after: unknown, path = ""): TChange[] {
  if (jsonEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(before, key)) return [{ path: at, kind: "added" as const, after: after[key] }];
      if (!Object.hasOwn(after, key)) return [{ path: at, kind: "removed" as const, before: before[key] }];
      return diffValues(before[key], after[key], at);
    });
  }
  return [{ path: path || "value", kind: "changed", before, after }];
}

export type TSummaryView = {
  /** True when the summary has a before/after pair (a change); otherwise it is context only. */
  hasChange: boolean;
  changes: TChange[];
  /** Every other key of the summary (reason, filter, counts…), shown as is. */
  context: [string, unknown][];
};

/**
 * Splits an event summary into its changes and its context. A summary with only `after` (a
 * creation) lists every field as added; only `before` (a deletion) as removed.
 */
export function summaryView(summary: unknown): TSummaryView {
  if (!isRecord(summary)) return { hasChange: false, changes: [], context: [] };
  const { before, after, ...rest } = summary;
  const context = Object.entries(rest);
  const hasBefore = Object.hasOwn(summary, "before");
  const hasAfter = Object.hasOwn(summary, "after");
  if (!hasBefore && !hasAfter) return { hasChange: false, changes: [], context };
  const changes = hasBefore && hasAfter
    ? diffValues(before, after)
    : hasAfter
      ? isRecord(after) ? Object.keys(after).sort().map((k) => ({ path: k, kind: "added" as const, after: after[k] })) : [{ path: "value", kind: "added" as const, after }]
      : isRecord(before) ? Object.keys(before).sort().map((k) => ({ path: k, kind: "removed" as const, before: before[k] })) : [{ path: "value", kind: "removed" as const, before }];
  return { hasChange: true, changes, context };
}

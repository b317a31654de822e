import type { TScopeFamily } from "@/lib/scopes/define-family";
import { PRIVILEGE_RANK, type TPrivilege } from "@/lib/scopes/privileges";
import { scopeFamilyFor } from "@/lib/scopes/registry";

export type TClassifiedScope = { scope: string; privilege: TPrivilege; reason: string };

/** Longer than any real scope or action name: such input is junk and is not run through the rules. */
export const MAX_SCOPE_LENGTH = 256;

function lookup(family: TScopeFamily, scope: string): { privilege: TPrivilege; reason: string } | null {
  const key = family.caseInsensitive ? scope.toLowerCase() : scope;
  const entry = Object.hasOwn(family.exact, key) ? family.exact[key] : undefined;
  if (entry) return entry;
  for (const r of family.rules) {
    const m = r.pattern.exec(scope);
    if (!m) continue;
    const privilege = typeof r.privilege === "function" ? r.privilege(m) : r.privilege;
    // A rule may decline (null): the shape matched but the rest of it says nothing, e.g. an AWS verb we do not know.
    if (privilege === null) continue;
    return { privilege, reason: typeof r.reason === "function" ? r.reason(m) : r.reason };
  }
  return null;
}

const MEMO_MAX = 20_000;
const memo = new Map<string, Readonly<TClassifiedScope>>();

/**
 * What one scope grants on a provider of type `providerType`. Never throws; a scope nothing in the
 * catalogue recognises is `unknown`. An unknown provider type is read with the generic OAuth family.
 * The returned `scope` is the scope as granted (untrimmed), so callers can match it back.
 */
export function classifyScope(providerType: string, scope: string): Readonly<TClassifiedScope> {
  // The scorer classifies every scope of every credential on each recompute (millions), over a few
  // hundred distinct strings: remember answers, bounded so junk input cannot grow it without end.
  if (typeof scope !== "string" || scope.length > MAX_SCOPE_LENGTH) return classifyUncached(providerType, scope);
  const key = `${providerType}\u0000${scope}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const result = Object.freeze(classifyUncached(providerType, scope));
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, result);
  return result;
}

function classifyUncached(providerType: string, scope: string): TClassifiedScope {
  const family = scopeFamilyFor(providerType);
  const raw = typeof scope === "string" ? scope : String(scope);
  // Whitespace is never part of a scope token (RFC 6749 §3.3); a padded one is a storage accident.
  const trimmed = raw.trim();
  if (trimmed === "") return { scope: raw, privilege: "unknown", reason: "An empty scope: it names nothing Tokenward can classify" };
  if (trimmed.length > MAX_SCOPE_LENGTH) {
    return { scope: raw, privilege: "unknown", reason: `${trimmed.length} characters: longer than any ${family.label} scope` };
  }
  for (let f: TScopeFamily | undefined = family; f; f = f.fallback) {
    const normalised = f.normalise ? f.normalise(trimmed) : trimmed;
    const hit = lookup(f, normalised);
    if (hit) return { scope: raw, ...hit };
  }
  return { scope: raw, privilege: "unknown", reason: `Not in Tokenward's scope catalogue for ${family.label}` };
}

export function classifyScopes(providerType: string, scopes: readonly string[]): Readonly<TClassifiedScope>[] {
  return scopes.map((scope) => classifyScope(providerType, scope));
}

/** The broadest grant (see PRIVILEGE_RANK for where `unknown` sits); null when nothing is granted. */
export function highestPrivilege(classified: readonly Pick<TClassifiedScope, "privilege">[]): TPrivilege | null {
  let best: TPrivilege | null = null;
  for (const c of classified) if (best === null || PRIVILEGE_RANK[c.privilege] > PRIVILEGE_RANK[best]) best = c.privilege;
  return best;
}

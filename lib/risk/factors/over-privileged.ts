import { defineFactor } from "@/lib/risk/factors/define-factor";
import { matchesAny, quoteList, truncate } from "@/lib/risk/factors/format";
import { classifyScope, type TClassifiedScope } from "@/lib/scopes/classify";
import { PRIVILEGE_RANK } from "@/lib/scopes/privileges";

/**
 * OWASP NHI5 / ASI03: broad grants and grants never exercised. What a scope grants comes from the
 * scope catalogue (lib/scopes) for the provider's type; a scope it does not know is a review item
 * of its own, never taken for read. "Never used" needs observed usage: with no used scopes
 * recorded the factor cannot tell unused from unobserved, so it says nothing about them.
 */

/** The pattern list of the factor before the catalogue (policy v1 documents carry it verbatim). */
const RETIRED_DEFAULT_PATTERNS = new Set([
  "admin*", "*:admin", "administration:*", "manage*", "*:manage", "delete*", "write:*", "contents:write", "workflows:write",
  "actions:write", "secrets:*", "members:*", "*:putobject", "payouts:*", "refunds:*", "billing:write", "orders:write",
  "all privileges", "insert", "update", "pg_read_all_data", "repo",
]);

/** A grant as the policy reads it: the catalogue's class, raised to admin by the organisation's own patterns. */
export function classifyGrant(providerType: string, scope: string, adminPatterns: readonly string[]): TClassifiedScope {
  const c = classifyScope(providerType, scope);
  if (adminPatterns.length === 0 || PRIVILEGE_RANK[c.privilege] >= PRIVILEGE_RANK.admin) return c;
  const pattern = matchesAny(scope.trim(), adminPatterns);
  return pattern === null ? c : { scope, privilege: "admin", reason: `Treated as admin by the risk policy (pattern \`${pattern}\`)` };
}

/** Scopes are quoted as granted, cut short: a junk 10 kB "scope" must not become a 10 kB evidence sentence. */
const names = (list: readonly TClassifiedScope[]) => quoteList(list.map((x) => truncate(x.scope, 60)));

/** "`iam:*` (every IAM action, …)": a wildcard's reach is the one thing worth spelling out in the sentence. */
function wildcards(list: readonly TClassifiedScope[]): string {
  const shown = list.slice(0, 2).map((x) => `\`${truncate(x.scope, 60)}\` (${x.reason.charAt(0).toLowerCase()}${x.reason.slice(1)})`);
  const rest = list.length - shown.length;
  return `${list.length === 1 ? "Wildcard" : "Wildcards"} ${shown.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
}

export const overPrivileged = defineFactor({
  id: "over-privileged",
  title: "Over-privileged",
  description: "Admin, write or wildcard scopes (by the scope catalogue), scopes the catalogue does not know, or scopes granted but never seen exercised.",
  frameworks: ["NHI5", "ASI03", "MAESTRO-L6", "PR.AA"],
  example: "Wildcard `iam:*` (every IAM action, including granting itself any other permission); admin `admin:org`; write `repo`; 2 of 4 granted scopes never used (used only `read:org`)",
  params: {
    pointsAdmin: { type: "points", label: "Points: admin or wildcard scopes", hint: "As the scope catalogue classes them: admin:org, delete_repo, iam:*, *, ALL PRIVILEGES…" },
    pointsWrite: { type: "points", label: "Points: write scopes", hint: "The broadest class counts, not both: repo, chat:write, s3:PutObject, INSERT…" },
    pointsUnknown: { type: "points", label: "Points: scopes not in the catalogue", hint: "Added for grants Tokenward cannot classify: someone should look at them." },
    adminScopePatterns: { type: "patterns", label: "Also treat as admin", hint: "Your organisation's own broad scopes. Case-insensitive; * matches anything." },
    minUnusedScopes: { type: "count", label: "Unused scopes before it counts", min: 1, max: 100 },
    pointsUnused: { type: "points", label: "Points: unused scopes" },
  },
  defaults: {
    enabled: true,
    pointsAdmin: 30,
    pointsWrite: 15,
    pointsUnknown: 5,
    adminScopePatterns: [],
    minUnusedScopes: 1,
    pointsUnused: 15,
  },
  // Before the catalogue: `pointsBroad` for any pattern hit, and a list of 22 patterns. The points
  // carry over to admin; patterns an organisation added beyond that list become its admin patterns.
  upgrade: ({ broadScopePatterns, pointsBroad, ...settings }) => {
    const out: Record<string, unknown> = { ...settings };
    if (pointsBroad !== undefined && !("pointsAdmin" in out)) out.pointsAdmin = pointsBroad;
    if (Array.isArray(broadScopePatterns) && !("adminScopePatterns" in out)) {
      const added = broadScopePatterns.filter((p) => typeof p !== "string" || !RETIRED_DEFAULT_PATTERNS.has(p.trim().toLowerCase()));
      if (added.length > 0) out.adminScopePatterns = added;
    }
    return out;
  },
  evaluate: (c, ctx, s) => {
    const classified = c.scopes.map((scope) => classifyGrant(ctx.provider.type, scope, s.adminScopePatterns));
    const of = (privilege: TClassifiedScope["privilege"]) => classified.filter((x) => x.privilege === privilege);
    const wildcard = of("wildcard");
    const admin = of("admin");
    const write = of("write");
    const unknown = of("unknown");
    const used = new Set(c.usedScopes);
    const unused = c.usedScopes.length > 0 ? c.scopes.filter((scope) => !used.has(scope)) : [];

    const parts: string[] = [];
    const broad = wildcard.length + admin.length > 0 && s.pointsAdmin > 0;
    if (broad) {
      if (wildcard.length > 0) parts.push(wildcards(wildcard));
      if (admin.length > 0) parts.push(`admin ${names(admin)}`);
    }
    const writes = write.length > 0 && s.pointsWrite > 0;
    if (writes) parts.push(`write ${names(write)}`);
    // The broadest class counts, not the sum: `repo` beside `admin:org` adds no risk of its own. A max
    // (not "admin wins") keeps a policy with write above admin monotonic: adding a grant never lowers it.
    let points = Math.max(broad ? s.pointsAdmin : 0, writes ? s.pointsWrite : 0);
    const unclassified = unknown.length > 0 && s.pointsUnknown > 0;
    if (unclassified) {
      parts.push(`unclassified ${names(unknown)} (not in Tokenward's scope catalogue)`);
      points += s.pointsUnknown;
    }
    const unusedCounts = unused.length >= s.minUnusedScopes;
    if (unusedCounts) {
      const usedGranted = c.scopes.filter((scope) => used.has(scope));
      const usedText = usedGranted.length > 0 ? `used only ${quoteList(usedGranted)}` : "none of them used";
      parts.push(`${unused.length} of ${c.scopes.length} granted scopes never used (${usedText})`);
      points += s.pointsUnused;
    }
    if (parts.length === 0) return null;
    const evidence = parts.join("; ");

    const advice: string[] = [];
    if (unusedCounts) advice.push("Reissue it with only the scopes in use");
    else if (broad || writes) advice.push("Reissue it with the narrowest scopes that do the job");
    if (broad) advice.push("move admin and wildcard work to a separate, short-lived credential");
    if (unclassified) advice.push("check what the unclassified scopes grant");
    const remediation = `${advice.join("; ")}.`;
    return { points: Math.min(100, points), evidence: evidence.charAt(0).toUpperCase() + evidence.slice(1), remediation: remediation.charAt(0).toUpperCase() + remediation.slice(1) };
  },
});

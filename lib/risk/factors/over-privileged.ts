import { defineFactor } from "@/lib/risk/factors/define-factor";
import { matchesAny, quoteList } from "@/lib/risk/factors/format";

/**
 * OWASP NHI5 / ASI03: broad grants (admin, write to code or money, wildcards) and grants never
 * exercised. "Never used" needs observed usage: with no used scopes recorded the factor cannot tell
 * unused from unobserved, so it says nothing about them.
 */
export const overPrivileged = defineFactor({
  id: "over-privileged",
  title: "Over-privileged",
  description: "Admin, write or wildcard scopes, or scopes granted but never seen exercised.",
  frameworks: ["NHI5", "ASI03", "MAESTRO-L6", "PR.AA"],
  example: "Grants broad scopes `repo`, `admin:org`; 2 of 3 granted scopes never used (used only `read:org`)",
  params: {
    broadScopePatterns: { type: "patterns", label: "Broad scope patterns", hint: "Case-insensitive; * matches anything. Scopes that contain * themselves are always broad." },
    pointsBroad: { type: "points", label: "Points: broad scopes" },
    minUnusedScopes: { type: "count", label: "Unused scopes before it counts", min: 1, max: 100 },
    pointsUnused: { type: "points", label: "Points: unused scopes" },
  },
  defaults: {
    enabled: true,
    broadScopePatterns: [
      "admin*", "*:admin", "administration:*", "manage*", "*:manage", "delete*", "write:*", "contents:write", "workflows:write",
      "actions:write", "secrets:*", "members:*", "*:PutObject", "payouts:*", "refunds:*", "billing:write", "orders:write",
      "all privileges", "insert", "update", "pg_read_all_data", "repo",
    ],
    pointsBroad: 30,
    minUnusedScopes: 1,
    pointsUnused: 15,
  },
  evaluate: (c, _ctx, s) => {
    const broad = c.scopes.filter((scope) => scope.includes("*") || matchesAny(scope, s.broadScopePatterns) !== null);
    const used = new Set(c.usedScopes);
    const unused = c.usedScopes.length > 0 ? c.scopes.filter((scope) => !used.has(scope)) : [];
    const unusedCounts = unused.length >= s.minUnusedScopes;
    if (broad.length === 0 && !unusedCounts) return null;
    const parts: string[] = [];
    let points = 0;
    if (broad.length > 0) {
      parts.push(`Grants broad scopes ${quoteList(broad)}`);
      points += s.pointsBroad;
    }
    if (unusedCounts) {
      const usedGranted = c.scopes.filter((scope) => used.has(scope));
      const usedText = usedGranted.length > 0 ? `used only ${quoteList(usedGranted)}` : "none of them used";
      parts.push(`${unused.length} of ${c.scopes.length} granted scopes never used (${usedText})`);
      points += s.pointsUnused;
    }
    return {
      points: Math.min(100, points),
      evidence: parts.join("; "),
      remediation: unusedCounts
        ? `Reissue it with only the scopes in use${broad.length ? ", without admin, write or wildcard grants it does not need" : ""}.`
        : "Reissue it with the narrowest scopes that do the job; move admin work to a separate, short-lived credential.",
    };
  },
});

import { defineFactor } from "@/lib/risk/factors/define-factor";
import { matchesAny, plural, truncate } from "@/lib/risk/factors/format";

/** OWASP NHI10: a person using a machine credential by hand leaves no personal trail and bypasses MFA. */
export const humanUse = defineFactor({
  id: "human-use",
  title: "Human use of a machine credential",
  description: "Usage shows a person (caller kind user) or an interactive browser user-agent presenting the credential.",
  frameworks: ["NHI10", "PR.AA", "DE.CM"],
  example: "Interactive user-agent \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit…\" from alice@acme.example (2 calls in the usage window)",
  params: {
    userAgentPatterns: { type: "patterns", label: "Interactive user-agent patterns", hint: "Case-insensitive; * matches anything" },
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, userAgentPatterns: ["Mozilla/*"], points: 35 },
  evaluate: (_c, ctx, s) => {
    const human = ctx.usage.callers.filter((caller) => caller.kind === "user" || (caller.userAgent !== null && matchesAny(caller.userAgent, s.userAgentPatterns) !== null));
    if (human.length === 0) return null;
    const calls = human.reduce((n, h) => n + h.count, 0);
    const first = human[0]!;
    const ua = first.userAgent ? `interactive user-agent "${truncate(first.userAgent, 60)}"` : "a person";
    const who = first.kind === "user" || first.userAgent ? ` from ${first.id}` : "";
    return {
      points: s.points,
      evidence: `${ua.charAt(0).toUpperCase()}${ua.slice(1)}${who} (${plural(calls, "call")} in the usage window)`,
      remediation: "Give the person their own identity with the access they need (through SSO); revoke the credential if they copied it.",
    };
  },
});

import { defineFactor } from "@/lib/risk/factors/define-factor";
import { graded } from "@/lib/risk/factors/format";

/** OWASP NHI2: a secret found in clear must be treated as compromised, whatever else is true of it. */
export const exposed = defineFactor({
  id: "exposed",
  title: "Exposed in clear",
  description: "The secret was found in clear (MCP config, env file, repository, CI log, prompt) and the finding is not resolved.",
  frameworks: ["NHI2", "MAESTRO-L4", "PR.DS", "DE.CM"],
  example: "Found in clear in .cursor/mcp.json (repo acme/web) and 1 more place",
  params: {
    points: { type: "points", label: "Points", hint: "For one place; up to +15 % when found in 5 places or more" },
  },
  defaults: { enabled: true, points: 85 },
  evaluate: (_c, ctx, s) => {
    const { open, samples } = ctx.exposures;
    if (open < 1) return null;
    const first = samples[0];
    const where = first ? `${first.location}${first.repository ? ` (repo ${first.repository})` : ""}` : "an unresolved finding";
    const more = open > 1 ? ` and ${open - 1} more ${open - 1 === 1 ? "place" : "places"}` : "";
    return {
      points: graded(s.points, (open - 1) / 4, 0.15),
      evidence: `Found in clear in ${where}${more}`,
      remediation: "Revoke and rotate it now, remove the secret from where it was found (and its history), then resolve the finding.",
    };
  },
});

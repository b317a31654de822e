import { defineFactor } from "@/lib/risk/factors/define-factor";
import { normaliseAudience, plural, quoteList } from "@/lib/risk/factors/format";

/** ASI03 / NHI4: a token presented outside its audiences was accepted somewhere it should not have been, or is being probed. */
export const audienceMismatch = defineFactor({
  id: "audience-mismatch",
  title: "Used outside its audience",
  description: "Usage shows the credential presented to an audience it was not issued for.",
  frameworks: ["ASI03", "NHI4", "MAESTRO-L3", "PR.AA", "DE.CM"],
  example: "Presented to https://api.github.com, outside its audiences `https://mcp.acme.example/jira` (4 calls in the usage window)",
  params: {
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, points: 40 },
  evaluate: (c, ctx, s) => {
    if (c.audiences.length === 0) return null;
    const allowed = new Set(c.audiences.map(normaliseAudience));
    const outside = ctx.usage.targetAudiences.filter((t) => !allowed.has(normaliseAudience(t.audience)));
    if (outside.length === 0) return null;
    const calls = outside.reduce((n, t) => n + t.count, 0);
    const targets = outside.map((t) => t.audience);
    return {
      points: s.points,
      evidence: `Presented to ${targets.slice(0, 2).join(", ")}${targets.length > 2 ? ` and ${targets.length - 2} more` : ""}, outside its audiences ${quoteList(c.audiences)} (${plural(calls, "call")} in the usage window)`,
      remediation: "Find the caller in the usage log, stop it presenting this token there, and make the target validate audiences.",
    };
  },
});

import { defineFactor } from "@/lib/risk/factors/define-factor";
import { DAY, formatDuration, graded, pastThreshold } from "@/lib/risk/factors/format";

/** OWASP NHI1: an active credential nobody uses is a door left open after the tenant moved out. */
export const stale = defineFactor({
  id: "stale",
  title: "Stale: active but unused",
  description: "The credential is active but has not been used for longer than the policy allows (or never since issue).",
  frameworks: ["NHI1", "ID.AM", "PR.AA"],
  example: "Last used 120 d ago (policy: unused for more than 90 d)",
  params: {
    unusedDays: { type: "days", label: "Unused for more than", min: 1, max: 3650 },
    points: { type: "points", label: "Points", hint: "At the threshold; up to +40 % as the evidence worsens (full at 4× the threshold)" },
  },
  defaults: { enabled: true, unusedDays: 90, points: 25 },
  evaluate: (c, ctx, s) => {
    const limit = s.unusedDays * DAY;
    const remediation = "Confirm with the owner whether it is still needed; revoke it if not.";
    if (c.lastUsedAt !== null) {
      const idle = ctx.now - c.lastUsedAt;
      if (idle <= limit) return null;
      return { points: graded(s.points, pastThreshold(idle, limit)), evidence: `Last used ${formatDuration(idle)} ago (policy: unused for more than ${s.unusedDays} d)`, remediation };
    }
    const age = ctx.now - (c.issuedAt ?? c.createdAt);
    if (age <= limit) return null;
    return { points: graded(s.points, pastThreshold(age, limit)), evidence: `Never used in the ${formatDuration(age)} since it was issued (policy: unused for more than ${s.unusedDays} d)`, remediation };
  },
});

import { defineFactor } from "@/lib/risk/factors/define-factor";
import { DAY, formatDuration, graded, pastThreshold } from "@/lib/risk/factors/format";

/** OWASP NHI7: the older a secret, the more places it has been copied to. */
export const rotationOverdue = defineFactor({
  id: "rotation-overdue",
  title: "Rotation overdue",
  description: "The secret has not been rotated (or, if never rotated, not reissued) within the policy's rotation period.",
  frameworks: ["NHI7", "MAESTRO-L6", "PR.AA"],
  example: "Last rotated 214 d ago (policy: every 90 d)",
  params: {
    maxDays: { type: "days", label: "Rotate at least every", min: 1, max: 3650 },
    points: { type: "points", label: "Points", hint: "At the threshold; up to +40 % as the evidence worsens (full at 4× the threshold)" },
  },
  defaults: { enabled: true, maxDays: 90, points: 25 },
  evaluate: (c, ctx, s) => {
    const since = c.lastRotatedAt ?? c.issuedAt ?? c.createdAt;
    const age = ctx.now - since;
    if (age <= s.maxDays * DAY) return null;
    const evidence = c.lastRotatedAt !== null
      ? `Last rotated ${formatDuration(age)} ago (policy: every ${s.maxDays} d)`
      : `Never rotated since it was issued ${formatDuration(age)} ago (policy: every ${s.maxDays} d)`;
    return { points: graded(s.points, pastThreshold(age, s.maxDays * DAY)), evidence, remediation: "Rotate it now and schedule rotation (or let Tokenward rotate it) within the policy period." };
  },
});

import { defineFactor } from "@/lib/risk/factors/define-factor";
import { DAY, formatDate, formatDuration, GRADE_SPAN, graded, pastThreshold } from "@/lib/risk/factors/format";

/** OWASP NHI7: a secret that never expires, or lives longer than the policy allows, is a standing key. */
export const longLived = defineFactor({
  id: "long-lived",
  title: "No expiry or TTL above the maximum",
  description: "The credential never expires, or its lifetime (issue to expiry) exceeds the policy's maximum TTL.",
  frameworks: ["NHI7", "ASI03", "MAESTRO-L6", "PR.AA"],
  example: "TTL 365 d exceeds the 90 d maximum (issued 2026-01-10, expires 2027-01-10)",
  params: {
    maxTtlDays: { type: "days", label: "Maximum TTL", hint: "Lifetime from issue to expiry", min: 1, max: 3650 },
    pointsNoExpiry: { type: "points", label: "Points: never expires", hint: "When issued; up to +40 % as it ages (full at 3× the maximum TTL)" },
    pointsAboveMax: { type: "points", label: "Points: TTL above the maximum", hint: "At the threshold; up to +40 % as the evidence worsens (full at 4× the maximum)" },
  },
  defaults: { enabled: true, maxTtlDays: 90, pointsNoExpiry: 40, pointsAboveMax: 30 },
  evaluate: (c, ctx, s) => {
    const remediation = `Reissue it with an expiry of at most ${s.maxTtlDays} d, or replace it with short-lived tokens minted per task.`;
    if (c.expiresAt === null) {
      const age = Math.max(0, ctx.now - (c.issuedAt ?? c.createdAt));
      return { points: graded(s.pointsNoExpiry, age / (GRADE_SPAN * s.maxTtlDays * DAY)), evidence: `Expires never (policy maximum TTL ${s.maxTtlDays} d)`, remediation };
    }
    const issued = c.issuedAt ?? c.createdAt;
    const ttl = c.expiresAt - issued;
    if (ttl <= s.maxTtlDays * DAY) return null;
    return {
      points: graded(s.pointsAboveMax, pastThreshold(ttl, s.maxTtlDays * DAY)),
      evidence: `TTL ${formatDuration(ttl)} exceeds the ${s.maxTtlDays} d maximum (issued ${formatDate(issued)}, expires ${formatDate(c.expiresAt)})`,
      remediation,
    };
  },
});

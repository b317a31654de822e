import { defineFactor } from "@/lib/risk/factors/define-factor";
import { formatDate } from "@/lib/risk/factors/format";
import { isOrphaned, orphanedSql } from "@/lib/inventory/orphaned";

/** OWASP NHI1: nobody to ask, nobody to approve a rotation, nobody who notices misuse. */
export const orphaned = defineFactor({
  id: "orphaned",
  title: "Orphaned: no team and no active owner",
  description: "Neither an active person nor a team answers for the credential (directly or through its identity).",
  frameworks: ["NHI1", "GV.RR", "ID.AM"],
  example: "Owner bob@acme.example was deactivated on 2026-03-01 and no team owns it",
  params: {
    pointsNoOwner: { type: "points", label: "Points: no owner" },
    pointsOwnerDeactivated: { type: "points", label: "Points: owner deactivated" },
  },
  defaults: { enabled: true, pointsNoOwner: 35, pointsOwnerDeactivated: 45 },
  // The same definition kept on the row (with a partial name index): "factor orphaned, prod, by
  // name" walked 78k name-index rows at 1M credentials looking for the 29k holders.
  heldOnlyWhere: orphanedSql,
  evaluate: (_c, ctx, s) => {
    if (!isOrphaned(ctx)) return null;
    const remediation = "Assign an active owner or a team; if nobody claims it, revoke it.";
    if (ctx.owner) {
      const when = ctx.owner.deactivatedAt !== null ? ` on ${formatDate(ctx.owner.deactivatedAt)}` : "";
      const via = ctx.owner.via === "identity" && ctx.identity ? ` (owner of identity ${ctx.identity.name})` : "";
      return { points: s.pointsOwnerDeactivated, evidence: `Owner ${ctx.owner.email}${via} was deactivated${when} and no team owns it`, remediation };
    }
    const evidence = ctx.identity
      ? `No owner: neither the credential nor its identity ${ctx.identity.name} has an owner or a team`
      : "No owner: the credential has no owner, no team and no identity";
    return { points: s.pointsNoOwner, evidence, remediation };
  },
});

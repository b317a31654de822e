import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { TAuditDraft, TRunOutcome, TTx } from "@/lib/server/execute";
import { requestWorkflow } from "@/lib/workflows/services/request-workflow";

/**
 * Closing a campaign: its decisions take effect. Each rotate / revoke decision becomes a request
 * through the workflows' own request service, requested on behalf of the campaign and the person who
 * attested (no person id, so the credential's owners can approve it: the normal approval rules);
 * keep decisions are recorded as kept; undecided items as not reviewed. A request the workflow
 * refuses (provider cannot do it, one already open, the credential gone) is recorded on the item with
 * the reason, and the close goes on. The campaign row is locked first, so of two concurrent closes
 * one wins and the other is a CONFLICT.
 */

export type TClosed = { id: string; kept: number; requested: number; notRequested: number; notReviewed: number };

type TCampaignRow = { id: string; name: string; status: string };

export async function closeCampaign(tx: TTx, actor: TActor, campaignId: string, now = new Date()): Promise<TRunOutcome<TClosed>> {
  const [campaign] = await tx.$queryRawUnsafe<TCampaignRow[]>(`SELECT id::text AS id, name, status::text AS status FROM review_campaigns WHERE id = $1::uuid FOR UPDATE`, campaignId);
  if (!campaign) throw new AppError("NOT_FOUND", "No such review campaign.");
  if (campaign.status !== "open") throw new AppError("CONFLICT", `“${campaign.name}” is already closed.`);

  const items = await tx.reviewItem.findMany({
    where: { campaignId },
    select: { id: true, credentialId: true, name: true, decision: true, comment: true, decidedByLabel: true },
    orderBy: { id: "asc" },
  });
  const counts = { kept: 0, requested: 0, notRequested: 0, notReviewed: 0 };
  const audit: TAuditDraft[] = [];
  for (const item of items) {
    if (!item.decision) {
      counts.notReviewed++;
      await tx.reviewItem.update({ where: { id: item.id }, data: { outcome: "not_reviewed" } });
      continue;
    }
    if (item.decision === "keep") {
      counts.kept++;
      await tx.reviewItem.update({ where: { id: item.id }, data: { outcome: "kept" } });
      continue;
    }
    const kind = item.decision === "rotate" ? "rotation" : "revocation";
    const label = `access review “${campaign.name}”, attested by ${item.decidedByLabel ?? "unknown"}`;
    try {
      const requested = await requestWorkflow(tx, { policy: label }, { credentialId: item.credentialId, kind, reason: `Access review “${campaign.name}”: ${item.comment ?? ""}`.slice(0, 1000) }, now);
      for (const record of Array.isArray(requested.audit) ? requested.audit : [requested.audit]) {
        audit.push({ ...record, summary: { ...record.summary, requestedBy: label, campaignId, reviewItemId: item.id } });
      }
      await tx.reviewItem.update({ where: { id: item.id }, data: { outcome: "requested", workflowId: requested.data.id } });
      counts.requested++;
    } catch (error) {
      // requestWorkflow checks before it writes: a refusal leaves nothing half-written.
      const reason = isAppError(error) ? error.message : isMissingCredential(error) ? "The credential no longer exists." : null;
      if (reason === null) throw error;
      await tx.reviewItem.update({ where: { id: item.id }, data: { outcome: "not_requested", outcomeDetail: reason.slice(0, 500) } });
      counts.notRequested++;
    }
  }
  await tx.reviewCampaign.update({ where: { id: campaignId }, data: { status: "closed", closedAt: now, closedById: actor.id, closedByLabel: actorLabel(actor) } });
  return {
    data: { id: campaignId, ...counts },
    audit: [{ targetType: "review_campaign", targetId: campaignId, summary: { name: campaign.name, items: items.length, ...counts } }, ...audit],
  };
}

function isMissingCredential(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

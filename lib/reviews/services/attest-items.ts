import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import type { TResourceRef } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import type { TAuditDraft, TRunOutcome, TTx } from "@/lib/server/execute";
import type { TAttestItems } from "@/lib/reviews/schemas";

/**
 * An attestation: keep, rotate or revoke, with a comment, for one item or many at once. Who may is
 * the authorization seam's question (an item is "owned" by its assigned reviewer and the
 * credential's team); this service adds the campaign's rule — decisions change only while it is
 * open. A later attestation replaces an earlier one (audited with what it replaced).
 */

export type TAttested = { attested: number; decision: TAttestItems["decision"] };

/**
 * The resource of an attestation, computed in the transaction: first the items' campaigns are
 * locked FOR SHARE — before the items, in the order closing takes them (campaign, then items), so an
 * attestation racing a close waits for it instead of deadlocking — then the items go to the seam.
 */
export async function lockAttestTargets(tx: TTx, itemIds: readonly string[]): Promise<TResourceRef> {
  await tx.$queryRawUnsafe(
    `SELECT c.id FROM review_campaigns c WHERE c.id IN (SELECT i.campaign_id FROM review_items i WHERE i.id = ANY($1::uuid[])) ORDER BY c.id FOR SHARE`,
    [...itemIds],
  );
  return { type: "review_item", ids: itemIds };
}

export async function attestItems(tx: TTx, actor: TActor, input: TAttestItems, now = new Date()): Promise<TRunOutcome<TAttested>> {
  const items = await tx.reviewItem.findMany({
    where: { id: { in: input.itemIds } },
    select: { id: true, name: true, credentialId: true, decision: true, comment: true, campaign: { select: { id: true, name: true, status: true } } },
    orderBy: { id: "asc" },
  });
  const closed = items.find((i) => i.campaign.status !== "open");
  if (closed) throw new AppError("CONFLICT", `The campaign “${closed.campaign.name}” is closed: its decisions can no longer change.`);
  const label = actorLabel(actor);
  await tx.reviewItem.updateMany({
    where: { id: { in: input.itemIds } },
    data: { decision: input.decision, comment: input.comment, decidedById: actor.id, decidedByLabel: label, decidedAt: now },
  });
  const audit = items.map<TAuditDraft>((i) => ({
    targetType: "review_item",
    targetId: i.id,
    summary: {
      campaignId: i.campaign.id,
      credentialId: i.credentialId,
      credential: i.name,
      before: i.decision ? { decision: i.decision, comment: i.comment } : null,
      after: { decision: input.decision, comment: input.comment },
      ...(items.length > 1 ? { batch: items.length } : {}),
    },
  }));
  return { data: { attested: items.length, decision: input.decision }, audit: audit as [TAuditDraft, ...TAuditDraft[]] };
}

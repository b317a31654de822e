import "server-only";
import type { TTx } from "@/lib/server/execute";

/**
 * One notice per reviewer with items in a campaign (or only undecided ones): the person an item is
 * assigned to, and, for a team's item with no person, the team's active members. The notice counts
 * that person's items; the one who acted is left out.
 */

export type TReviewNoticeKind = "review.assigned" | "review.reminder" | "review.overdue";

export async function reviewerCounts(tx: TTx, campaignId: string, onlyPending: boolean): Promise<Map<string, number>> {
  const pending = onlyPending ? "AND i.decision IS NULL" : "";
  const rows = await tx.$queryRawUnsafe<{ user_id: string; n: number }[]>(
    `SELECT x.user_id::text AS user_id, count(*)::int AS n FROM (
        SELECT i.owner_id AS user_id FROM review_items i WHERE i.campaign_id = $1::uuid AND i.owner_id IS NOT NULL ${pending}
        UNION ALL
        SELECT m.user_id FROM review_items i JOIN team_memberships m ON m.team_id = i.team_id
         WHERE i.campaign_id = $1::uuid AND i.owner_id IS NULL ${pending}
      ) x JOIN users u ON u.id = x.user_id AND u.active
      GROUP BY x.user_id`,
    campaignId,
  );
  return new Map(rows.map((r) => [r.user_id, r.n]));
}

export async function notifyReviewers(
  tx: TTx,
  input: { campaignId: string; kind: TReviewNoticeKind; exclude?: string | null; onlyPending?: boolean; title: (count: number) => string; detail: string; now: Date },
): Promise<number> {
  const counts = await reviewerCounts(tx, input.campaignId, input.onlyPending ?? false);
  if (input.exclude) counts.delete(input.exclude);
  if (counts.size === 0) return 0;
  await tx.notification.createMany({
    data: [...counts].map(([recipientId, n]) => ({
      recipientId,
      kind: input.kind,
      targetType: "review_campaign",
      targetId: input.campaignId,
      title: input.title(n),
      detail: input.detail,
      href: `/reviews/${input.campaignId}?view=mine`,
      createdAt: input.now,
    })),
  });
  return counts.size;
}

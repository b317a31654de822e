import "server-only";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notifyReviewers } from "./notify-reviewers";
import { remindReviewers } from "./remind-reviewers";

/**
 * The reviews job's work, hourly:
 * - an open campaign past its due date with undecided items is marked overdue once: those items are
 *   flagged (a late decision keeps the flag, so the results report them as late), their reviewers
 *   and the campaign's creator are told, and the system records it in the audit trail;
 * - an open campaign due within REMIND_WITHIN_DAYS is reminded at most once per REMIND_EVERY_HOURS.
 * Each campaign in a transaction of its own; the campaign row is locked, so two runs never double.
 */

export const REMIND_WITHIN_DAYS = 3;
const REMIND_EVERY_HOURS = 20;
const HOUR = 3_600_000;

export type TReviewTick = { overdue: number; reminded: number };

export async function markOverdue(prisma: PrismaClient, now = new Date()): Promise<TReviewTick> {
  const result = { overdue: 0, reminded: 0 };
  const late = await prisma.reviewCampaign.findMany({ where: { status: "open", overdueAt: null, dueAt: { lt: now } }, select: { id: true }, take: 100 });
  for (const { id } of late) {
    await prisma.$transaction(async (tx) => {
      const [c] = await tx.$queryRawUnsafe<{ name: string; created_by_id: string | null; overdue_at: Date | null; status: string }[]>(
        `SELECT name, created_by_id::text AS created_by_id, overdue_at, status::text AS status FROM review_campaigns WHERE id = $1::uuid FOR UPDATE`,
        id,
      );
      if (!c || c.overdue_at || c.status !== "open") return;
      const pending = await tx.reviewItem.updateMany({ where: { campaignId: id, decision: null }, data: { overdue: true } });
      await tx.reviewCampaign.update({ where: { id }, data: { overdueAt: now } });
      if (pending.count > 0) {
        await notifyReviewers(tx, {
          campaignId: id,
          kind: "review.overdue",
          onlyPending: true,
          title: (n) => `Overdue: ${n} credential${n === 1 ? "" : "s"} not reviewed in “${c.name}”`,
          detail: "The due date has passed; undecided items are reported as not reviewed when the campaign closes.",
          now,
        });
        if (c.created_by_id) {
          await tx.notification.create({
            data: { recipientId: c.created_by_id, kind: "review.overdue", targetType: "review_campaign", targetId: id, title: `“${c.name}” is overdue: ${pending.count} item${pending.count === 1 ? "" : "s"} not reviewed`, href: `/reviews/${id}?view=pending`, createdAt: now },
          });
        }
      }
      await appendAuditEvent(tx, null, { action: "reviews.overdue", targetType: "review_campaign", targetId: id, summary: { name: c.name, notReviewed: pending.count } });
      result.overdue++;
    });
  }
  const nearing = await prisma.reviewCampaign.findMany({
    where: {
      status: "open",
      dueAt: { gt: now, lte: new Date(now.getTime() + REMIND_WITHIN_DAYS * 24 * HOUR) },
      OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lt: new Date(now.getTime() - REMIND_EVERY_HOURS * HOUR) } }],
    },
    select: { id: true },
    take: 100,
  });
  for (const { id } of nearing) {
    await prisma.$transaction(async (tx) => {
      const sent = await remindReviewers(tx, id, { now });
      await appendAuditEvent(tx, null, { action: "reviews.remind", targetType: "review_campaign", targetId: id, summary: { recipients: sent.recipients, automatic: true } });
      result.reminded++;
    });
  }
  return result;
}

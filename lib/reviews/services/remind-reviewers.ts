import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";
import { notifyReviewers } from "./notify-reviewers";

/**
 * A reminder to everyone with undecided items in an open campaign: in-app, and by e-mail through
 * the notices job (lib/notifications, "review.reminder" is a mailed kind). Sent by security on
 * demand ("Remind") and by the reviews job as the due date nears.
 */

export type TReminded = { id: string; recipients: number };

export async function remindReviewers(tx: TTx, campaignId: string, options: { exclude?: string | null; now?: Date } = {}): Promise<TReminded> {
  const now = options.now ?? new Date();
  const [campaign] = await tx.$queryRawUnsafe<{ name: string; status: string; due_at: Date }[]>(
    `SELECT name, status::text AS status, due_at FROM review_campaigns WHERE id = $1::uuid FOR UPDATE`,
    campaignId,
  );
  if (!campaign) throw new AppError("NOT_FOUND", "No such review campaign.");
  if (campaign.status !== "open") throw new AppError("CONFLICT", `“${campaign.name}” is closed: there is nobody to remind.`);
  const due = campaign.due_at.toISOString().slice(0, 10);
  const late = campaign.due_at.getTime() < now.getTime();
  const recipients = await notifyReviewers(tx, {
    campaignId,
    kind: "review.reminder",
    onlyPending: true,
    exclude: options.exclude,
    title: (n) => `Reminder: ${n} credential${n === 1 ? "" : "s"} await your review in “${campaign.name}”`,
    detail: late ? `The review was due on ${due}: please decide now.` : `Due on ${due}: keep, rotate or revoke each, with a comment.`,
    now,
  });
  await tx.reviewCampaign.update({ where: { id: campaignId }, data: { lastRemindedAt: now } });
  return { id: campaignId, recipients };
}

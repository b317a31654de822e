import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { ZMarkNotificationsRead } from "@/lib/notifications/schemas";
import type { TOperation } from "@/lib/server/execute";

/**
 * Marks the actor's notifications read. The resource rule is the recipient: the update matches
 * only rows whose recipient is the actor, and an id that is not theirs answers NOT_FOUND exactly
 * like an unknown one (whether someone else's notice exists is none of their business).
 */
export const markNotificationsReadOperation: TOperation<typeof ZMarkNotificationsRead, { marked: number }> = {
  name: "notifications.mark_read",
  permission: "notifications.read",
  input: ZMarkNotificationsRead,
  run: async ({ tx, actor, input }) => {
    const now = new Date();
    if ("all" in input) {
      const { count } = await tx.notification.updateMany({ where: { recipientId: actor.id, readAt: null }, data: { readAt: now } });
      return { data: { marked: count }, audit: { targetType: "notification", summary: { all: true, marked: count } } };
    }
    const ids = [...new Set(input.ids)];
    const mine = await tx.notification.findMany({ where: { id: { in: ids }, recipientId: actor.id }, select: { id: true } });
    if (mine.length !== ids.length) throw new AppError("NOT_FOUND", ids.length === 1 ? "No such notification." : `${ids.length - mine.length} of these notifications do not exist.`);
    const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, recipientId: actor.id, readAt: null }, data: { readAt: now } });
    return { data: { marked: count }, audit: { targetType: "notification", targetId: ids.length === 1 ? ids[0] : null, summary: { marked: count, ids } } };
  },
};

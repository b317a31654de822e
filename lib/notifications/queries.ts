import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NOTIFICATION_LIST_LIMIT, type TNotificationList } from "@/lib/notifications/schemas";

/** The bell: the actor's newest notifications and how many are unread. Only ever the actor's own. */
export async function listNotifications(prisma: PrismaClient, actor: Pick<TActor, "id">): Promise<TNotificationList> {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { recipientId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTIFICATION_LIST_LIMIT,
    }),
    prisma.notification.count({ where: { recipientId: actor.id, readAt: null } }),
  ]);
  return {
    unread,
    items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, detail: n.detail, href: n.href, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
  };
}

import "server-only";
import { listNotifications } from "@/lib/notifications/queries";
import { ZNotificationListQuery } from "@/lib/notifications/schemas";
import { defineRoute } from "@/lib/server/route";

/** GET /api/v1/notifications — the bell: `{ items, unread }`, the actor's own only. */
export const listNotificationsRoute = defineRoute({
  kind: "read",
  name: "notifications.list",
  permission: "notifications.read",
  query: ZNotificationListQuery,
  run: ({ prisma, actor }) => listNotifications(prisma, actor),
});

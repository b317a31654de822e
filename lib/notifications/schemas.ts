import { z } from "zod";

/** In-app notifications: the bell's list, and marking read. */

export const NOTIFICATION_LIST_LIMIT = 20;
export const MAX_MARK_READ = 100;

export const ZMarkNotificationsRead = z.union(
  [
    z.strictObject({
      ids: z
        .array(z.uuid("ids must be notification ids"), { error: "ids must be a list of notification ids" })
        .min(1, "choose at least one notification")
        .max(MAX_MARK_READ, `at most ${MAX_MARK_READ} notifications at once`),
    }),
    z.strictObject({ all: z.literal(true, { error: "all must be true" }) }),
  ],
  { error: "give ids (a list of notification ids) or all: true" },
);
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export const ZNotificationListQuery = z.strictObject({});

export type TNotificationView = {
  id: string;
  kind: string;
  title: string;
  detail: string | null;
  href: string;
  createdAt: string;
  read: boolean;
};
export type TNotificationList = { items: TNotificationView[]; unread: number };

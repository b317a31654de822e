import { listNotificationsRoute } from "@/lib/notifications/routes";

export const dynamic = "force-dynamic";
export const GET = listNotificationsRoute;

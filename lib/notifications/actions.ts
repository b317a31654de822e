"use server";

import { markNotificationsReadOperation } from "@/lib/notifications/operations";
import { defineAction } from "@/lib/server/action";

export const markNotificationsRead = defineAction(markNotificationsReadOperation);

import { z } from "zod";
import { ZRole } from "@/lib/auth/schemas";

export const ZUserId = z.uuid("userId must be a user id");

export const ZUpdateUserRole = z.object({ userId: ZUserId, role: ZRole }).strict();
export type TUpdateUserRole = z.infer<typeof ZUpdateUserRole>;

export const ZSetUserActive = z.object({ userId: ZUserId, active: z.boolean() }).strict();
export type TSetUserActive = z.infer<typeof ZSetUserActive>;

import { z } from "zod";
import { API_KEY_SCOPE_IDS } from "@/lib/api-keys/scopes";

export const API_KEY_MAX_DAYS = 365;
export const API_KEY_EXPIRY_CHOICES = [30, 90, 180, 365] as const;

const ZId = z.uuid({ error: "id must be a UUID" });

export const ZCreateApiKey = z.object({
  name: z
    .string({ error: "name is required" })
    .trim()
    .min(1, "name is required")
    .max(80, "name: at most 80 characters")
    // Names show in lists and audit labels: no control characters, no line breaks to forge a log line.
    .refine((v) => !/[\p{Cc}\p{Cf}]/u.test(v), "name: no control or invisible formatting characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPE_IDS, { error: `each scope must be one of ${API_KEY_SCOPE_IDS.join(", ")}` }), { error: "scopes must be a list" })
    .min(1, "choose at least one scope")
    .max(API_KEY_SCOPE_IDS.length)
    .refine((v) => new Set(v).size === v.length, "scopes: each scope once"),
  // Every key expires: a key nobody remembers creating must not live forever.
  expiresInDays: z.number({ error: "expiresInDays must be a number" }).int("expiresInDays must be a whole number").min(1, "expiresInDays: at least 1").max(API_KEY_MAX_DAYS, `expiresInDays: at most ${API_KEY_MAX_DAYS}`),
}).strict();
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZRevokeApiKey = z.object({ id: ZId }).strict();
export type TRevokeApiKey = z.infer<typeof ZRevokeApiKey>;

import { z } from "zod";
import { USAGE_FACTORS } from "@/lib/usage/usage-factors";

export const ALERT_DECISIONS = ["acknowledged", "resolved", "reopen"] as const;

export const ZDecideAlert = z.strictObject({
  credentialId: z.uuid("Pick a credential"),
  factor: z.enum(USAGE_FACTORS, "Pick one of the usage detectors"),
  decision: z.enum(ALERT_DECISIONS, "Acknowledge, resolve or re-open"),
  comment: z.string().trim().min(3, "Say why in a few words (at least 3 characters)").max(500, "Keep the comment under 500 characters"),
});

export type TDecideAlert = z.infer<typeof ZDecideAlert>;

import { z } from "zod";

export const ZVerifyCredential = z.object({ credentialId: z.uuid({ error: "credentialId must be a credential id" }) });
export type TVerifyCredential = z.infer<typeof ZVerifyCredential>;

/**
 * The provider's last answer, as stored in credentials.verification and shown on the credential's
 * page: what it said (active, scopes, audience, expiry) or why it could not be asked. No secret.
 */
export const ZVerificationRecord = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    active: z.boolean(),
    scopes: z.array(z.string()),
    audience: z.array(z.string()),
    expiresAt: z.string().nullable(),
    clientId: z.string().nullable(),
    subject: z.string().nullable(),
    /** What the answer changed in the inventory: marked revoked upstream, restored, or nothing. */
    effect: z.enum(["none", "revoked_upstream", "restored"]),
  }),
  z.object({ ok: z.literal(false), message: z.string(), retryable: z.boolean(), status: z.number().nullable() }),
]);
export type TVerificationRecord = z.infer<typeof ZVerificationRecord>;

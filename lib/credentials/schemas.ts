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

/** Issue a credential through its provider (connector `issue`). Scopes are space- or comma-separated in the form. */
export const ZIssueCredential = z.strictObject({
  providerId: z.uuid({ error: "providerId must be a provider id" }),
  name: z.string().trim().min(1, "Name it after who will use it").max(200, "At most 200 characters"),
  scopes: z
    .array(z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, "Scopes are printable ASCII without spaces"))
    .max(50, "At most 50 scopes"),
  resource: z.url("The resource must be a URL (RFC 8707)").max(2000).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  /** Issued for one task: revoked (break-glass, "task ended") when a usage event says the task completed. */
  ephemeral: z.boolean().optional(),
});
export type TIssueCredential = z.infer<typeof ZIssueCredential>;

/** Mark a credential ephemeral (revoke it when usage telemetry says its task ended), or standing again. */
export const ZSetEphemeral = z.strictObject({
  credentialId: z.uuid({ error: "credentialId must be a credential id" }),
  ephemeral: z.boolean({ error: "ephemeral must be true or false" }),
});
export type TSetEphemeral = z.infer<typeof ZSetEphemeral>;

import { z } from "zod";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function parsed(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

/** A delivery URL carries a secret: https only, but for loopback (a local receiver, the tests). */
export const ZDeliveryUrl = z
  .url("The URL must be a URL, e.g. https://vault-sync.internal/hooks/tokenward")
  .max(2000)
  // Refinements run even when the URL check failed: each copes with a string that is not one.
  .refine((u) => {
    const url = parsed(u);
    return !url || url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  }, "Secrets are delivered over https only (http is allowed for localhost)")
  .refine((u) => !parsed(u)?.username && !parsed(u)?.password, "Put no credentials in the URL: deliveries are signed instead");

export const ZCreateDeliveryTarget = z.strictObject({
  name: z.string().trim().min(1, "Name the target").max(100, "At most 100 characters"),
  url: ZDeliveryUrl,
});
export type TCreateDeliveryTarget = z.infer<typeof ZCreateDeliveryTarget>;

export const ZDeliveryTargetId = z.strictObject({ id: z.uuid({ error: "id must be a delivery target id" }) });
export const ZSetDeliveryTargetEnabled = z.strictObject({ id: z.uuid({ error: "id must be a delivery target id" }), enabled: z.boolean() });

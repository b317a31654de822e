import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a receiver knows a delivery came from Tokenward and is fresh: header
 * `Tokenward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signing secret, "<t>.<raw body>")>`.
 * The receiver recomputes the HMAC over the raw body, compares in constant time, and refuses a `t`
 * older than its tolerance (replay). `verifyDelivery` is that receiver's side, used by our tests
 * and given as the reference in the docs.
 */

export const SIGNATURE_HEADER = "tokenward-signature";

export function signDelivery(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export function verifyDelivery(secret: string, body: string, header: string | null | undefined, options: { now?: number; toleranceSeconds?: number } = {}): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signDelivery(secret, body, t).split("v1=")[1]!, "hex");
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
}

import "server-only";
import { ProviderError } from "@/lib/connectors/provider-error";
import { decryptSecret } from "@/lib/connectors/secrets";
import { signDelivery } from "@/lib/delivery/signature";

/**
 * POSTs a rotation's new secret to a delivery target, signed (lib/delivery/signature.ts), with a
 * timeout, redirects refused (a redirect would carry the secret elsewhere). 2xx is delivered; 408,
 * 429 and 5xx, timeouts and refused connections are worth retrying (the workflow backs off); any
 * other answer is final and the rotation rolls back. The receiver's body is never kept — at most
 * its first 200 characters as the error's words.
 */

export const DELIVERY_TIMEOUT_MS = 10_000;

export type TDeliveryPayload = {
  event: "credential.rotated";
  workflowId: string;
  credential: { id: string; name: string; newId: string | null; externalId: string | null; expiresAt: string | null };
  secret: string;
};

export type TTarget = { id: string; name: string; url: string; encryptedSecret: string };

export function signingSecretOf(target: Pick<TTarget, "id" | "encryptedSecret">): string {
  const opened = decryptSecret(target.encryptedSecret, `delivery-target:${target.id}`) as { secret?: unknown };
  if (typeof opened.secret !== "string") throw new Error("delivery target secret in an unexpected shape");
  return opened.secret;
}

export async function deliverSecret(target: TTarget, payload: TDeliveryPayload, now = Date.now()): Promise<{ status: number }> {
  const body = JSON.stringify(payload);
  const host = new URL(target.url).host;
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "tokenward-signature": signDelivery(signingSecretOf(target), body, Math.floor(now / 1000)), "user-agent": "Tokenward-Delivery/1" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
  } catch (cause) {
    const name = (cause as { name?: string })?.name;
    if (name === "TimeoutError" || name === "AbortError") throw new ProviderError("timeout", `${target.name} (${host}) did not answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`, { retryable: true, cause });
    throw new ProviderError("unreachable", `Could not reach ${target.name} (${host}).`, { retryable: true, cause });
  }
  const text = (await response.text().catch(() => "")).slice(0, 200);
  if (response.status >= 200 && response.status < 300) return { status: response.status };
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  const redirect = response.status >= 300 && response.status < 400 ? ` (a redirect to ${response.headers.get("location") ?? "?"}: not followed, it would carry the secret elsewhere)` : "";
  throw new ProviderError("http", `${target.name} (${host}) answered HTTP ${response.status}${redirect}${text ? `: ${text}` : "."}`, { retryable, status: response.status });
}

import "server-only";
import { bodyFor, type TAlertEnvelope } from "@/lib/alerts/payload";
import type { TAlertDestinationKind } from "@/lib/alerts/schemas";
import type { TDestinationConfig } from "@/lib/alerts/services/destination-config";
import { SIGNATURE_HEADER, signDelivery } from "@/lib/delivery/signature";

/**
 * One POST of one alert to one destination: a timeout, redirects not followed (a redirect would send
 * the alert — and for a SIEM its bearer token — elsewhere), the receiver's body never kept beyond
 * 200 characters of error words. 2xx is delivered; 408, 429, 5xx, timeouts and refused connections
 * are worth retrying; any other answer is final (the receiver refuses it, retrying will not help).
 *
 * Headers: `Idempotency-Key` (the delivery id, the same on every retry) on every kind; a webhook's
 * body is signed as lib/delivery signs rotations — `Tokenward-Signature: t=<unix s>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<body>")>`, and receivers refuse a `t` more than 5 minutes away (replay
 * window) and dedupe on the key; a SIEM collector gets `Authorization: Bearer <token>` when one is set.
 */

export const ALERT_TIMEOUT_MS = 10_000;

export type TSendOutcome = { ok: boolean; status: number | null; error: string | null; retryable: boolean; durationMs: number };

export async function sendAlert(kind: TAlertDestinationKind, config: TDestinationConfig, envelope: TAlertEnvelope, options: { now?: number; timeoutMs?: number } = {}): Promise<TSendOutcome> {
  const { body, contentType } = bodyFor(kind, envelope);
  const headers: Record<string, string> = { "content-type": contentType, "user-agent": "Tokenward-Alerts/1", "idempotency-key": envelope.id };
  if (kind === "webhook" && config.signingSecret) headers[SIGNATURE_HEADER] = signDelivery(config.signingSecret, body, Math.floor((options.now ?? Date.now()) / 1000));
  if (kind === "siem" && config.token) headers.authorization = `Bearer ${config.token}`;
  const timeoutMs = options.timeoutMs ?? ALERT_TIMEOUT_MS;
  const host = new URL(config.url).host;
  const started = performance.now();
  const done = (o: Omit<TSendOutcome, "durationMs">): TSendOutcome => ({ ...o, durationMs: Math.round(performance.now() - started) });
  let response: Response;
  try {
    response = await fetch(config.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    const name = (cause as { name?: string })?.name;
    if (name === "TimeoutError" || name === "AbortError") return done({ ok: false, status: null, error: `${host} did not answer within ${timeoutMs / 1000} s.`, retryable: true });
    return done({ ok: false, status: null, error: `Could not reach ${host}.`, retryable: true });
  }
  const text = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
  if (response.status >= 200 && response.status < 300) return done({ ok: true, status: response.status, error: null, retryable: false });
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  const redirect = response.status >= 300 && response.status < 400 ? " (a redirect: not followed)" : "";
  return done({ ok: false, status: response.status, error: `${host} answered HTTP ${response.status}${redirect}${text ? `: ${text}` : "."}`, retryable });
}

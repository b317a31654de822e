import type { TAlertDestinationKind, TAlertSeverity } from "@/lib/alerts/schemas";

/**
 * What a receiver gets, per kind, built from one alert (pure; lib/alerts/payload.test.ts).
 * - webhook: `{ event, id, alert }` JSON, signed (lib/delivery/signature.ts).
 * - slack: Slack's incoming-webhook message — `text` (the notification fallback) and Block Kit
 *   `blocks` (header ≤ 150 characters, section text ≤ 3000, fields ≤ 10 of ≤ 2000), with Slack's
 *   control characters (&, <, >) escaped so evidence cannot ping a channel or forge a link.
 * - siem: NDJSON, one line per alert (the webhook's object), `\n`-terminated.
 * `id` is the delivery's idempotency key: the same on every retry and re-send.
 */

export type TAlert = {
  detector: string;
  severity: TAlertSeverity | "none";
  score: number;
  evidence: string;
  credential: { id: string; name: string; provider: string; owner: string | null };
  detectedAt: string;
  /** Where to triage it in Tokenward. */
  link: string | null;
  test?: boolean;
};

export type TAlertEnvelope = { event: "alert.raised" | "alert.test"; id: string; alert: TAlert };

export function envelopeOf(id: string, alert: TAlert): TAlertEnvelope {
  return { event: alert.test ? "alert.test" : "alert.raised", id, alert };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackMessage(envelope: TAlertEnvelope) {
  const a = envelope.alert;
  const title = `${a.test ? "[Test] " : ""}Tokenward alert: ${a.detector} on ${a.credential.name}`;
  const text = `${title} (${a.severity}, score ${a.score})`;
  const fields = [
    ["Detector", a.detector],
    ["Severity", `${a.severity} (score ${a.score})`],
    ["Provider", a.credential.provider],
    ["Owner", a.credential.owner ?? "nobody"],
  ].map(([k, v]) => ({ type: "mrkdwn", text: clip(`*${k}*\n${slackEscape(v!)}`, 2000) }));
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(title, 150) } },
    { type: "section", text: { type: "mrkdwn", text: clip(slackEscape(a.evidence), 3000) }, fields },
  ];
  const context = [`Detected ${a.detectedAt}`, `delivery ${envelope.id}`];
  if (a.link) context.unshift(`<${slackEscape(a.link)}|Triage in Tokenward>`);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(context.join(" · "), 2000) }] });
  return { text: slackEscape(text), blocks };
}

export function bodyFor(kind: TAlertDestinationKind, envelope: TAlertEnvelope): { body: string; contentType: string } {
  if (kind === "slack") return { body: JSON.stringify(slackMessage(envelope)), contentType: "application/json" };
  if (kind === "siem") return { body: `${JSON.stringify(envelope)}\n`, contentType: "application/x-ndjson" };
  return { body: JSON.stringify(envelope), contentType: "application/json" };
}

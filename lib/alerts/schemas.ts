import { z } from "zod";
import { RISK_LEVELS } from "@/lib/risk/model";
import { USAGE_FACTORS } from "@/lib/usage/usage-factors";

/**
 * Alert destinations: where usage findings are sent (lib/alerts). URLs follow lib/delivery's rule
 * (https only, http for loopback receivers, never credentials in the URL): a webhook's deliveries
 * are signed, a Slack URL is itself the secret, a SIEM collector takes an optional bearer token.
 */

export const ALERT_DESTINATION_KINDS = ["webhook", "slack", "siem"] as const;
export type TAlertDestinationKind = (typeof ALERT_DESTINATION_KINDS)[number];

/** Severities a destination can ask for: the credential's risk level when the finding was raised. */
export const ALERT_SEVERITIES = ["low", "medium", "high", "critical"] as const satisfies readonly (typeof RISK_LEVELS)[number][];
export type TAlertSeverity = (typeof ALERT_SEVERITIES)[number];

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function parsed(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

export const ZAlertUrl = z
  .url("The URL must be a URL, e.g. https://siem.internal/collector")
  .max(2000, "The URL must have at most 2000 characters")
  // Refinements run even when the URL check failed: each copes with a string that is not one.
  .refine((u) => {
    const url = parsed(u);
    return !url || url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  }, "Alerts are sent over https only (http is allowed for localhost)")
  .refine((u) => !parsed(u)?.username && !parsed(u)?.password, "Put no credentials in the URL: use the signing secret or the bearer token")
  .refine((u) => !parsed(u)?.hash, "The URL must not have a #fragment");

const ZName = z.string().trim().min(1, "Name the destination").max(100, "Name must have at most 100 characters");
const ZMinSeverity = z.enum(ALERT_SEVERITIES, "Minimum severity must be low, medium, high or critical");
const ZDetectors = z.array(z.enum(USAGE_FACTORS, "Detectors must be usage detectors")).max(USAGE_FACTORS.length, "Each detector at most once")
  .refine((d) => new Set(d).size === d.length, "Each detector at most once");
const ZFilters = { minSeverity: ZMinSeverity.default("low"), detectors: ZDetectors.default([]) };

export const ZCreateAlertDestination = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("webhook"), name: ZName, url: ZAlertUrl, ...ZFilters }),
    z.strictObject({
      kind: z.literal("slack"),
      name: ZName,
      url: ZAlertUrl.refine((u) => (parsed(u)?.pathname.length ?? 0) > 1, "Paste the whole incoming-webhook URL Slack gave you"),
      ...ZFilters,
    }),
    z.strictObject({
      kind: z.literal("siem"),
      name: ZName,
      url: ZAlertUrl,
      token: z.string().trim().max(4096, "Token must have at most 4096 characters").regex(/^[\x21-\x7e]*$/, "Token must be printable ASCII without spaces").optional(),
      ...ZFilters,
    }),
  ],
  "Kind must be webhook, slack or siem",
);
export type TCreateAlertDestination = z.infer<typeof ZCreateAlertDestination>;

const ZDestinationIdField = z.uuid("id must be an alert destination id");
export const ZAlertDestinationId = z.strictObject({ id: ZDestinationIdField });
export const ZUpdateAlertDestination = z.strictObject({ id: ZDestinationIdField, enabled: z.boolean().optional(), minSeverity: ZMinSeverity.optional(), detectors: ZDetectors.optional() });
export type TUpdateAlertDestination = z.infer<typeof ZUpdateAlertDestination>;
export const ZResendAlertDelivery = z.strictObject({ deliveryId: z.uuid("deliveryId must be an alert delivery id") });

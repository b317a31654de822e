import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import type { TAlertDestinationKind } from "@/lib/alerts/schemas";

/**
 * A destination's secrets, sealed together (AES-256-GCM, the connector keyring) and bound to its
 * row: the URL (for Slack the URL is the credential), a webhook's signing secret, a SIEM token.
 */
export type TDestinationConfig = { url: string; signingSecret?: string; token?: string };

const context = (id: string) => `alert-destination:${id}`;

export function sealConfig(id: string, config: TDestinationConfig): string {
  return encryptSecret(config, context(id));
}

export function openConfig(destination: { id: string; encryptedConfig: string }): TDestinationConfig {
  const opened = decryptSecret(destination.encryptedConfig, context(destination.id)) as Partial<TDestinationConfig>;
  if (typeof opened.url !== "string") throw new Error("alert destination config in an unexpected shape");
  return opened as TDestinationConfig;
}

/** What the list shows: no query string ever, and of a Slack URL only its origin. */
export function urlHintOf(kind: TAlertDestinationKind, url: string): string {
  const u = new URL(url);
  return kind === "slack" ? `${u.origin}/…` : `${u.origin}${u.pathname}`;
}

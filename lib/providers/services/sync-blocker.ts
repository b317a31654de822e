import { connectorFor, isConnectorType } from "@/lib/connectors/registry";

/**
 * Why a provider cannot sync right now, or null when it can: one answer for the "Sync now" button,
 * the action that queues the job, and the job itself (a provider may change while a job waits).
 */
export function syncBlocker(provider: { name: string; type: string; enabled: boolean; encryptedCredentials: string | null }): string | null {
  if (!isConnectorType(provider.type)) return `Provider type "${provider.type}" has no connector: it cannot be synced.`;
  const sync = connectorFor(provider.type).capabilities.sync;
  if (!sync.supported) return sync.reason;
  if (!provider.enabled) return `${provider.name} is disabled: enable it to sync.`;
  if (!provider.encryptedCredentials) return "This provider has no secret yet: edit it and enter one.";
  return null;
}

import { supportFor, type TConnectorDefinition } from "@/lib/connectors/contract";
import type { TWorkflowKind } from "./state-machine";

/**
 * What a workflow of `kind` can do for a credential of `credentialKind` at its provider, read from
 * the connector's declaration (never from a provider type): the one answer behind the request
 * buttons, the bulk dry run, the request operation and the state machine's "can it issue?".
 */

export type TWorkflowPlan =
  | {
      possible: true;
      /** Rotation: the provider issues the replacement; false = the owner creates it and confirms. */
      canIssue: boolean;
      /** Revoking the old credential needs its value, supplied by the requester for that one call. */
      revokeNeedsValue: boolean;
      /** Checking that the old one is gone needs its value too. */
      verifyNeedsValue: boolean;
      /** Can the provider say whether a credential is still active at all? Without it, revocation is trusted as answered. */
      canVerify: boolean;
      /** Shown beside the request: how it will go. */
      summary: string;
    }
  | { possible: false; reason: string };

export type TPlanInput = {
  kind: TWorkflowKind;
  credentialKind: string;
  provider: { name: string; enabled: boolean; secretSet: boolean };
  /** Null: no connector is registered for the provider's type. */
  connector: TConnectorDefinition | null;
};

export function planWorkflow({ kind, credentialKind, provider, connector }: TPlanInput): TWorkflowPlan {
  if (!connector) return { possible: false, reason: `${provider.name} has no connector: Tokenward cannot act on it. Rotate or revoke it at the provider and mark it here.` };
  if (!provider.enabled) return { possible: false, reason: `${provider.name} is disabled: an admin must enable it first.` };
  if (!provider.secretSet) return { possible: false, reason: `${provider.name} is not connected: an admin must enter its settings and secret first.` };
  const revoke = supportFor(connector.capabilities.revoke, credentialKind);
  if (!revoke.supported) return { possible: false, reason: `${connector.label} cannot revoke it: ${revoke.reason}` };
  const verify = supportFor(connector.capabilities.verify, credentialKind);
  const base = {
    possible: true as const,
    revokeNeedsValue: revoke.needsValue,
    verifyNeedsValue: verify.supported && verify.needsValue,
    canVerify: verify.supported,
  };
  if (kind === "revocation") {
    return { ...base, canIssue: false, summary: `${connector.label} revokes it${verify.supported ? ", then is asked whether it is really gone" : ""}.` };
  }
  const issue = supportFor(connector.capabilities.issue, credentialKind);
  const rotate = supportFor(connector.capabilities.rotate, credentialKind);
  const canIssue = issue.supported || rotate.supported;
  return {
    ...base,
    canIssue,
    summary: canIssue
      ? `${connector.label} issues a replacement; it is delivered and verified before the old one is revoked.`
      : `${connector.label} cannot issue a replacement${rotate.supported ? "" : `: ${rotate.reason}`} The owner creates one and confirms it; then the old one is revoked.`,
  };
}

import { awsIamConnector } from "./aws-iam/connector";
import type { TConnectorDefinition } from "./contract";
import { githubConnector } from "./github/connector";
import { oauthConnector } from "./oauth/connector";

/**
 * The only place a connector is registered. The Providers UI list, the per-type forms, job wiring
 * and the docs derive from this record; adding a connector is one entry here.
 */
export const CONNECTOR_TYPES = ["oauth", "github", "aws_iam"] as const;
export type TConnectorType = (typeof CONNECTOR_TYPES)[number];

export const CONNECTORS: Record<TConnectorType, TConnectorDefinition> = {
  // Capabilities take their own config type (contravariant), so the record holds the erased form;
  // callers parse config/secret with the definition's own schemas before calling.
  oauth: oauthConnector as unknown as TConnectorDefinition,
  github: githubConnector as unknown as TConnectorDefinition,
  aws_iam: awsIamConnector as unknown as TConnectorDefinition,
};

export function isConnectorType(value: string): value is TConnectorType {
  return (CONNECTOR_TYPES as readonly string[]).includes(value);
}

export function connectorFor(type: TConnectorType): TConnectorDefinition {
  return CONNECTORS[type];
}

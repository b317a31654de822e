import {
  CredentialKind,
  CredentialSource,
  CredentialStatus,
  Environment,
  IdentityKind,
  RiskLevel,
} from "@/lib/generated/prisma/enums";

/**
 * The inventory's words, shared by the server (validation, SQL) and the browser (filters, labels).
 * Value lists come from the Prisma enums (import-free, safe in client bundles) in declaration order,
 * which is also the order PostgreSQL sorts the enum columns in.
 */

export const CREDENTIAL_KINDS = Object.values(CredentialKind);
export const CREDENTIAL_STATUSES = Object.values(CredentialStatus);
export const CREDENTIAL_SOURCES = Object.values(CredentialSource);
export const ENVIRONMENTS = Object.values(Environment);
export const RISK_LEVELS = Object.values(RiskLevel);
export const IDENTITY_KINDS = Object.values(IdentityKind);

export type TCredentialKind = CredentialKind;
export type TCredentialStatus = CredentialStatus;
export type TEnvironment = Environment;
export type TRiskLevel = RiskLevel;
export type TIdentityKind = IdentityKind;

export const KIND_LABELS: Record<CredentialKind, string> = {
  pat: "Personal access token",
  oauth_access_token: "OAuth access token",
  oauth_refresh_token: "OAuth refresh token",
  client_secret: "Client secret",
  api_key: "API key",
  cloud_access_key: "Cloud access key",
  installation_token: "Installation token",
  static_bearer: "Static bearer token",
};

export const STATUS_LABELS: Record<CredentialStatus, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  disabled: "Disabled",
};

export const SOURCE_LABELS: Record<CredentialSource, string> = {
  sync: "Provider sync",
  scan: "Secret scan",
  ingest: "Usage ingestion",
  manual: "Manual",
};

export const ENVIRONMENT_LABELS: Record<Environment, string> = { prod: "Production", staging: "Staging", dev: "Development" };

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const IDENTITY_KIND_LABELS: Record<IdentityKind, string> = {
  service_account: "Service account",
  agent: "Agent",
  mcp_server: "MCP server",
  mcp_client: "MCP client",
  app: "App",
  bot: "Bot",
};

/** Days of non-use after which an active credential counts as stale on the overview. */
export const STALE_AFTER_DAYS = 90;

import type { CredentialKind, Sensitivity } from "@/lib/generated/prisma/client";

/**
 * The connected systems of the fictional "Acme" organisation. `type` must be a connector registry
 * key; `apiUrl` is what a correctly audience-bound credential for the provider names, and `apiHost`
 * is how gateways report it as a usage target id.
 */

export type TProviderKey =
  | "github" | "oauth" | "aws_prod" | "aws_sandbox" | "atlassian" | "slack" | "orders_db" | "stripe" | "openai";

export type TProviderSpec = {
  key: TProviderKey;
  name: string;
  type: string;
  /** Short label used in credential names: "ci-deploy (github)". */
  short: string;
  sensitivity: Sensitivity;
  config: Record<string, unknown>;
  apiUrl: string;
  apiHost: string;
  /** Credential kinds this provider issues, by relative frequency. */
  kinds: readonly (readonly [CredentialKind, number])[];
};

export const PROVIDERS: readonly TProviderSpec[] = [
  {
    key: "github", name: "GitHub (acme)", type: "github", short: "github", sensitivity: "high",
    config: { org: "acme", apiUrl: "https://api.github.com", appId: 914_227 },
    apiUrl: "https://api.github.com", apiHost: "api.github.com",
    kinds: [["pat", 50], ["installation_token", 25], ["oauth_access_token", 25]],
  },
  {
    key: "oauth", name: "Acme SSO (OAuth)", type: "oauth", short: "sso", sensitivity: "critical",
    config: { issuer: "https://auth.acme.example", introspectionEndpoint: "https://auth.acme.example/oauth2/introspect", revocationEndpoint: "https://auth.acme.example/oauth2/revoke" },
    apiUrl: "https://auth.acme.example", apiHost: "auth.acme.example",
    // Short-lived access tokens dominate an authorization server's issued-token table.
    kinds: [["oauth_access_token", 55], ["oauth_refresh_token", 30], ["client_secret", 15]],
  },
  {
    key: "aws_prod", name: "AWS prod (447100992315)", type: "aws_iam", short: "aws", sensitivity: "critical",
    config: { accountId: "447100992315", region: "eu-west-1", partition: "aws" },
    apiUrl: "https://iam.amazonaws.com", apiHost: "iam.amazonaws.com",
    kinds: [["cloud_access_key", 1]],
  },
  {
    key: "aws_sandbox", name: "AWS sandbox (208351776402)", type: "aws_iam", short: "aws-sandbox", sensitivity: "moderate",
    config: { accountId: "208351776402", region: "us-east-1", partition: "aws" },
    apiUrl: "https://iam.amazonaws.com", apiHost: "iam.amazonaws.com",
    kinds: [["cloud_access_key", 1]],
  },
  {
    key: "atlassian", name: "Atlassian (acme.atlassian.net)", type: "atlassian", short: "atlassian", sensitivity: "moderate",
    config: { site: "acme.atlassian.net", orgId: "6f2b1c4e-0d7a-4a51-9e3e-2b8f5c7d9a10" },
    apiUrl: "https://api.atlassian.com", apiHost: "api.atlassian.com",
    kinds: [["api_key", 65], ["oauth_access_token", 35]],
  },
  {
    key: "slack", name: "Slack (acme)", type: "slack", short: "slack", sensitivity: "moderate",
    config: { workspace: "acme", teamId: "T04ACME7Q" },
    apiUrl: "https://slack.com/api", apiHost: "slack.com",
    kinds: [["api_key", 45], ["static_bearer", 25], ["oauth_access_token", 30]],
  },
  {
    key: "orders_db", name: "PostgreSQL orders-db", type: "database", short: "orders-db", sensitivity: "high",
    config: { engine: "postgresql", host: "orders-db.internal.acme.example", port: 5432, database: "orders" },
    apiUrl: "postgresql://orders-db.internal.acme.example:5432/orders", apiHost: "orders-db.internal.acme.example",
    kinds: [["static_bearer", 60], ["api_key", 40]],
  },
  {
    key: "stripe", name: "Stripe (acme live)", type: "api_key", short: "stripe", sensitivity: "high",
    config: { service: "stripe", apiUrl: "https://api.stripe.com", account: "acct_1Acme0Live" },
    apiUrl: "https://api.stripe.com", apiHost: "api.stripe.com",
    kinds: [["api_key", 1]],
  },
  {
    key: "openai", name: "OpenAI API (acme)", type: "api_key", short: "openai", sensitivity: "high",
    config: { service: "openai", apiUrl: "https://api.openai.com", organization: "org-acme" },
    apiUrl: "https://api.openai.com", apiHost: "api.openai.com",
    kinds: [["api_key", 1]],
  },
];

export function providerSpec(key: TProviderKey): TProviderSpec {
  const spec = PROVIDERS.find((p) => p.key === key);
  if (!spec) throw new Error(`unknown provider ${key}`);
  return spec;
}

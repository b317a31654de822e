import type { TCredentialKind } from "@/lib/inventory/vocabulary";

/**
 * The scanner's words, shared by the report schema (what ingestion accepts) and the detectors
 * (what the scanner produces). Kept free of zod and of the Prisma client so the CLI runs on a
 * machine that never generated one; credential kinds are checked against the inventory's at
 * compile time instead.
 */

export const CONFIG_FORMATS = ["claude_desktop", "claude_code", "claude_code_user", "cursor", "vscode", "windsurf"] as const;
export type TConfigFormat = (typeof CONFIG_FORMATS)[number];

export const TRANSPORTS = ["stdio", "http", "sse", "unknown"] as const;
export type TTransport = (typeof TRANSPORTS)[number];

/** Where in a server entry a value sat; "input" = a VS Code input's default, "other" = any other field. */
export const LOCATIONS = ["env", "headers", "args", "url", "input", "other"] as const;
export type TLocation = (typeof LOCATIONS)[number];

export const CONFIDENCES = ["known_format", "high_entropy"] as const;
export type TConfidence = (typeof CONFIDENCES)[number];

export const REFERENCE_KINDS = ["env", "input"] as const;
export type TReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The inventory's credential kinds the scanner can name (all of them today). */
export const SCAN_CREDENTIAL_KINDS = [
  "pat", "oauth_access_token", "oauth_refresh_token", "client_secret", "api_key", "cloud_access_key", "installation_token", "static_bearer",
] as const satisfies readonly TCredentialKind[];
export type TScanCredentialKind = (typeof SCAN_CREDENTIAL_KINDS)[number];

/**
 * Who issued a credential. Hints equal to a scope family / provider type (lib/scopes/registry.ts:
 * github, aws_iam, atlassian, slack, tokenward) name it directly; the others are services that
 * Tokenward models as provider type `api_key` with `config.service` = the hint (as the seed does
 * for stripe and openai). "unknown": the scanner could not tell.
 */
export const PROVIDER_HINTS = [
  "github", "gitlab", "aws_iam", "atlassian", "slack", "openai", "anthropic", "google", "stripe", "npm", "tokenward", "unknown",
] as const;
export type TProviderHint = (typeof PROVIDER_HINTS)[number];

type TFixedMeta = { kind: TScanCredentialKind; provider: TProviderHint; confidence: "known_format" };
type TContextMeta = { kind: null; provider: null; confidence: TConfidence };

/**
 * Every detector id with what it implies. A known format fixes the credential kind and provider;
 * contextual detectors (a value judged by the key it sits under and its randomness) take both from
 * the context. Ingestion reads this to refuse a report whose finding contradicts its detector.
 */
export const DETECTOR_META = {
  github_pat: { kind: "pat", provider: "github", confidence: "known_format" },
  github_fine_grained_pat: { kind: "pat", provider: "github", confidence: "known_format" },
  github_oauth_token: { kind: "oauth_access_token", provider: "github", confidence: "known_format" },
  github_user_to_server_token: { kind: "oauth_access_token", provider: "github", confidence: "known_format" },
  github_installation_token: { kind: "installation_token", provider: "github", confidence: "known_format" },
  github_refresh_token: { kind: "oauth_refresh_token", provider: "github", confidence: "known_format" },
  gitlab_pat: { kind: "pat", provider: "gitlab", confidence: "known_format" },
  slack_bot_token: { kind: "api_key", provider: "slack", confidence: "known_format" },
  slack_user_token: { kind: "static_bearer", provider: "slack", confidence: "known_format" },
  slack_app_token: { kind: "api_key", provider: "slack", confidence: "known_format" },
  slack_config_token: { kind: "oauth_access_token", provider: "slack", confidence: "known_format" },
  slack_refresh_token: { kind: "oauth_refresh_token", provider: "slack", confidence: "known_format" },
  slack_legacy_token: { kind: "static_bearer", provider: "slack", confidence: "known_format" },
  aws_access_key_id: { kind: "cloud_access_key", provider: "aws_iam", confidence: "known_format" },
  aws_secret_access_key: { kind: "cloud_access_key", provider: "aws_iam", confidence: "known_format" },
  atlassian_api_token: { kind: "api_key", provider: "atlassian", confidence: "known_format" },
  openai_api_key: { kind: "api_key", provider: "openai", confidence: "known_format" },
  anthropic_api_key: { kind: "api_key", provider: "anthropic", confidence: "known_format" },
  anthropic_admin_key: { kind: "api_key", provider: "anthropic", confidence: "known_format" },
  anthropic_oauth_token: { kind: "oauth_access_token", provider: "anthropic", confidence: "known_format" },
  anthropic_refresh_token: { kind: "oauth_refresh_token", provider: "anthropic", confidence: "known_format" },
  google_api_key: { kind: "api_key", provider: "google", confidence: "known_format" },
  stripe_secret_key: { kind: "api_key", provider: "stripe", confidence: "known_format" },
  stripe_restricted_key: { kind: "api_key", provider: "stripe", confidence: "known_format" },
  npm_token: { kind: "pat", provider: "npm", confidence: "known_format" },
  tokenward_api_key: { kind: "api_key", provider: "tokenward", confidence: "known_format" },
  jwt: { kind: null, provider: null, confidence: "known_format" },
  bearer_token: { kind: null, provider: null, confidence: "high_entropy" },
  basic_auth_password: { kind: null, provider: null, confidence: "high_entropy" },
  url_password: { kind: null, provider: null, confidence: "high_entropy" },
  high_entropy_secret: { kind: null, provider: null, confidence: "high_entropy" },
} as const satisfies Record<string, TFixedMeta | TContextMeta | { kind: null; provider: null; confidence: "known_format" }>;

export type TDetectorId = keyof typeof DETECTOR_META;
export const DETECTOR_IDS = Object.keys(DETECTOR_META) as [TDetectorId, ...TDetectorId[]];

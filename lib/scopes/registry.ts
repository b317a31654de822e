import type { TScopeFamily } from "@/lib/scopes/define-family";
import { apiKeyScopes } from "@/lib/scopes/providers/api-key";
import { atlassianScopes } from "@/lib/scopes/providers/atlassian";
import { awsIamScopes } from "@/lib/scopes/providers/aws-iam";
import { databaseScopes } from "@/lib/scopes/providers/database";
import { githubScopes } from "@/lib/scopes/providers/github";
import { oauthScopes } from "@/lib/scopes/providers/oauth";
import { slackScopes } from "@/lib/scopes/providers/slack";
import { tokenwardScopes } from "@/lib/scopes/providers/tokenward";

/**
 * THE scope catalogue: provider type (`providers.type`) → the family that classifies its scopes.
 * The only place a provider's scopes are registered; adding a provider is one file under
 * providers/ plus one line here.
 */
export const SCOPE_FAMILIES = {
  github: githubScopes,
  oauth: oauthScopes,
  aws_iam: awsIamScopes,
  atlassian: atlassianScopes,
  slack: slackScopes,
  database: databaseScopes,
  api_key: apiKeyScopes,
  tokenward: tokenwardScopes,
} as const satisfies Record<string, TScopeFamily>;

export type TScopeProviderType = keyof typeof SCOPE_FAMILIES;

/** The family for a provider type; types without one are read as generic OAuth. */
export function scopeFamilyFor(providerType: string): TScopeFamily {
  return Object.hasOwn(SCOPE_FAMILIES, providerType) ? SCOPE_FAMILIES[providerType as TScopeProviderType] : oauthScopes;
}

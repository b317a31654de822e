import { keyWords } from "@/lib/discovery/detectors/entropy";
import type { TDetectorId, TProviderHint, TScanCredentialKind } from "@/lib/discovery/vocabulary";

/**
 * For a secret without a known format, the key it sits under, the server's URL and its name say
 * what it probably is: JIRA_API_TOKEN → an Atlassian API key, SLACK_CLIENT_SECRET → a client secret.
 * A guess, reported as a hint; ingestion matches by fingerprint first.
 */

const PROVIDER_WORDS: [RegExp, TProviderHint][] = [
  [/github|\bgh\b/, "github"],
  [/gitlab/, "gitlab"],
  [/slack/, "slack"],
  [/atlassian|jira|confluence|bitbucket/, "atlassian"],
  [/\baws\b|amazonaws|\bs3\b|bedrock/, "aws_iam"],
  [/openai/, "openai"],
  [/anthropic|claude/, "anthropic"],
  [/google|gemini|\bgcp\b|googleapis/, "google"],
  [/stripe/, "stripe"],
  [/\bnpm\b|npmjs/, "npm"],
  [/tokenward/, "tokenward"],
];

/** The first of key name, URL host and server name that names a provider. */
export function providerFromContext(...clues: (string | undefined)[]): TProviderHint {
  for (const clue of clues) {
    if (!clue) continue;
    const words = ` ${keyWords(clue).join(" ")} ${clue.toLowerCase()} `;
    for (const [pattern, provider] of PROVIDER_WORDS) if (pattern.test(words)) return provider;
  }
  return "unknown";
}

/** The credential kind a key name implies, else what the detector implies. */
export function kindFromContext(key: string | undefined, detector: TDetectorId): TScanCredentialKind {
  const words = new Set(keyWords(key ?? ""));
  if (words.has("personal") || words.has("pat")) return "pat";
  if (words.has("client") && words.has("secret")) return "client_secret";
  if (words.has("refresh")) return "oauth_refresh_token";
  if (words.has("oauth") || (words.has("access") && words.has("token"))) return "oauth_access_token";
  if (words.has("api") || words.has("apikey") || words.has("key")) return "api_key";
  return detector === "jwt" ? "oauth_access_token" : "static_bearer";
}

import type { CredentialKind } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import type { TRng } from "@/lib/seed/prng";

/**
 * Fake secrets in each provider's real format, generated only to derive a fingerprint and a hint:
 * the secret itself is dropped immediately and never reaches the database, logs or disk.
 */

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const DIGITS = "0123456789";
const CLASSIC_GITHUB_SCOPES = new Set(["repo", "read:org", "read:user", "user:email", "read:packages", "gist", "workflow", "admin:org", "delete_repo", "write:packages", "admin:repo_hook", "admin:org_hook"]);

function jwtLike(rng: TRng): string {
  // Header {"alg":"RS256","typ":"JWT"}; the rest is noise of JWT-typical length.
  return `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${rng.chars(rng.int(110, 180), B64URL)}.${rng.chars(86, B64URL)}`;
}

export function fakeSecret(provider: TProviderKey, kind: CredentialKind, scopes: readonly string[], rng: TRng): string {
  switch (provider) {
    case "github":
      if (kind === "installation_token") return `ghs_${rng.chars(36, ALNUM)}`;
      if (kind === "oauth_access_token") return `gho_${rng.chars(36, ALNUM)}`;
      return scopes.some((s) => CLASSIC_GITHUB_SCOPES.has(s))
        ? `ghp_${rng.chars(36, ALNUM)}`
        : `github_pat_11${rng.chars(20, ALNUM)}_${rng.chars(59, ALNUM)}`;
    case "oauth":
      if (kind === "client_secret") return rng.chars(48, B64URL);
      if (kind === "oauth_refresh_token") return rng.chars(64, B64URL);
      return rng.chance(0.4) ? jwtLike(rng) : rng.chars(43, B64URL);
    case "aws_prod":
    case "aws_sandbox":
      return rng.chars(40, B64);
    case "atlassian":
      return kind === "oauth_access_token" ? jwtLike(rng) : `ATATT3xFfGF0${rng.chars(56, B64URL)}=${rng.hex(8).toUpperCase()}`;
    case "slack":
      if (kind === "oauth_access_token") return `xoxe.xoxp-1-${rng.chars(64, ALNUM)}`;
      return `${kind === "api_key" ? "xoxb" : "xoxp"}-${rng.chars(12, DIGITS)}-${rng.chars(13, DIGITS)}-${rng.chars(24, ALNUM)}`;
    case "orders_db":
      return kind === "api_key" ? `pgk_${rng.chars(40, ALNUM)}` : rng.chars(32, `${ALNUM}!#%*+-=?@^_`);
    case "stripe":
      return `${rng.chance(0.6) ? "rk" : "sk"}_live_51${rng.chars(96, ALNUM)}`;
    case "openai":
      return `sk-proj-${rng.chars(74, B64URL)}T3BlbkFJ${rng.chars(74, B64URL)}`;
  }
}

/**
 * The provider's own id for a credential when it lists token metadata. `serial` is unique per run,
 * which keeps (provider, external id) unique without a lookup; random ids have ≥ 64 bits.
 */
export function fakeExternalId(provider: TProviderKey, kind: CredentialKind, serial: number, rng: TRng): string | null {
  switch (provider) {
    case "github":
      return kind === "installation_token" ? null : String(2_000_000 + serial * 7 + rng.int(0, 6));
    case "oauth":
      return `${kind === "client_secret" ? "client" : kind === "oauth_refresh_token" ? "rt" : "at"}_${rng.hex(20)}`;
    case "aws_prod":
    case "aws_sandbox":
      return `AKIA${rng.chars(16, BASE32)}`;
    case "atlassian":
      return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    case "slack":
      return kind === "api_key" ? `B0${rng.chars(9, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}` : null;
    case "orders_db":
      return `role:svc_${serial.toString(36)}`;
    case "stripe":
      return `rak_${rng.chars(24, ALNUM)}`;
    case "openai":
      return `key_${rng.chars(16, ALNUM)}`;
  }
}

// One definition, shared with connectors, the scanner and ingestion.
export { FINGERPRINT_PATTERN, fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";

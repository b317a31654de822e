import { base62, crc32 } from "@/lib/discovery/detectors/checksums";
import type { TDetectorId } from "@/lib/discovery/vocabulary";

/**
 * Test tokens. Literal ones are written with a "|" inside and joined at run time, so no secret
 * scanner (GitHub push protection included) mistakes this file for a leak. The checksummed ones
 * were computed outside this code base (Python's zlib.crc32 and base62 by hand), so a wrong
 * checksum implementation here cannot make its own test pass.
 */

const join = (s: string) => s.replace(/\|/g, "");

/** Computed with Python: "ghp_" + 30 base62 + base62(zlib.crc32(those 30)) padded to 6. */
export const CHECKSUMMED = {
  github_pat: join("ghp_|Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"),
  github_oauth_token: join("gho_|Eeeby3abP3E2Zs8IQ9Y7aJZqhB6bae2dTjzx"),
  github_user_to_server_token: join("ghu_|CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy"),
  github_installation_token: join("ghs_|JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWT"),
  github_refresh_token: join("ghr_|KLiMcVbpT4r5yHUig43kiJfahqSIjO2WghHl"),
  npm_token: join("npm_|ugM1yTMAd7V3DnI8lFPPwtV5ASPZHu0FecsX"),
  // 184 characters + "%08X" % zlib.crc32(first 184)
  atlassian_api_token: join(
    "ATATT3|xFfGF0575YX8XM5mSLFy5UBIHEYeD7p4Zdl-AK6j0KgodkDINzNlxICAbaG8wy1JZirLnqB0PRfMBH7_WY5YQ1xOy1bAimCaXyMFSb4hBqlxJJLafBvv6Q9RxXTndfYUZx9K1GNNEgeyg1_lWIQd9JjbaCIi05fHFWkvQLuR5qREC8tnEC6CFC2AF9",
  ),
} as const;

/** A deterministic PRNG (mulberry32): the same seed, the same tokens, in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64URL = `${ALNUM}-_`;
const HEX = "0123456789abcdef";
const DIGITS = "0123456789";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

export function chars(rng: () => number, n: number, alphabet: string): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

function githubStyle(prefix: string, rng: () => number): string {
  const entropy = chars(rng, 30, ALNUM);
  return `${prefix}${entropy}${base62(crc32(entropy), 6)}`;
}

function jwt(rng: () => number): string {
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: chars(rng, 8, ALNUM) })).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ sub: chars(rng, 12, ALNUM), aud: "https://mcp.example.com", iat: 1_700_000_000 + Math.floor(rng() * 1e6) })).toString("base64url");
  return `${header}.${payload}.${chars(rng, 43, B64URL)}`;
}

/** Every format the registry knows, as a fresh valid token (checksums computed with the code under test: fuzzing only). */
export const TOKEN_FACTORIES = {
  github_pat: (r) => githubStyle("ghp_", r),
  github_oauth_token: (r) => githubStyle("gho_", r),
  github_user_to_server_token: (r) => githubStyle("ghu_", r),
  github_refresh_token: (r) => githubStyle("ghr_", r),
  github_installation_token: (r) => (r() < 0.5 ? githubStyle("ghs_", r) : `ghs_${jwt(r)}`),
  github_fine_grained_pat: (r) => `github_pat_11${chars(r, 20, ALNUM)}_${chars(r, 59, ALNUM)}`,
  gitlab_pat: (r) => (r() < 0.5 ? `glpat-${chars(r, 20, B64URL)}` : `glpat-${chars(r, 40, B64URL)}.${chars(r, 2, BASE36)}${chars(r, 7, BASE36)}`),
  slack_bot_token: (r) => `xoxb-${chars(r, 12, DIGITS)}-${chars(r, 13, DIGITS)}-${chars(r, 24, ALNUM)}`,
  slack_user_token: (r) => `xoxp-${chars(r, 12, DIGITS)}-${chars(r, 12, DIGITS)}-${chars(r, 12, DIGITS)}-${chars(r, 32, HEX)}`,
  slack_app_token: (r) => `xapp-1-A${chars(r, 10, BASE32)}-${chars(r, 13, DIGITS)}-${chars(r, 64, HEX)}`,
  slack_config_token: (r) => `xoxe.xoxp-1-${chars(r, 150, ALNUM)}`,
  slack_refresh_token: (r) => `xoxe-1-${chars(r, 146, ALNUM)}`,
  slack_legacy_token: (r) => `xoxs-${chars(r, 10, DIGITS)}-${chars(r, 10, DIGITS)}-${chars(r, 10, DIGITS)}-${chars(r, 10, HEX)}`,
  aws_access_key_id: (r) => `AKIA${chars(r, 16, BASE32)}`,
  atlassian_api_token: (r) => {
    const body = `ATATT3${chars(r, 178, B64URL)}`;
    return body + crc32(body).toString(16).toUpperCase().padStart(8, "0");
  },
  openai_api_key: (r) => `sk-proj-${chars(r, 74, B64URL)}T3BlbkFJ${chars(r, 74, B64URL)}`,
  anthropic_api_key: (r) => `sk-ant-api03-${chars(r, 93, B64URL)}AA`,
  anthropic_admin_key: (r) => `sk-ant-admin01-${chars(r, 93, B64URL)}AA`,
  anthropic_oauth_token: (r) => `sk-ant-oat01-${chars(r, 93, B64URL)}AA`,
  anthropic_refresh_token: (r) => `sk-ant-ort01-${chars(r, 93, B64URL)}AA`,
  google_api_key: (r) => `AIza${chars(r, 35, B64URL)}`,
  stripe_secret_key: (r) => `sk_${r() < 0.5 ? "live" : "test"}_51${chars(r, 97, ALNUM)}`,
  stripe_restricted_key: (r) => `rk_live_51${chars(r, 97, ALNUM)}`,
  npm_token: (r) => githubStyle("npm_", r),
  tokenward_api_key: (r) => `twk_${chars(r, 12, HEX)}_${chars(r, 43, B64URL)}`,
  jwt: (r) => jwt(r),
} satisfies Partial<Record<TDetectorId, (rng: () => number) => string>>;

export type TKnownFormat = keyof typeof TOKEN_FACTORIES;
export const KNOWN_FORMATS = Object.keys(TOKEN_FACTORIES) as TKnownFormat[];

/** One valid token per format, the same in every run. */
export function sampleToken(format: TKnownFormat, seed = 1): string {
  if (format in CHECKSUMMED && seed === 1) return CHECKSUMMED[format as keyof typeof CHECKSUMMED];
  return TOKEN_FACTORIES[format](prng(seed * 7919 + format.length));
}

/** A random secret with no known format (what a value under API_KEY looks like). */
export function opaqueSecret(rng: () => number, length = 32): string {
  return chars(rng, length, ALNUM);
}

/** The 40-character half of an AWS key pair. */
export function awsSecretKey(rng: () => number): string {
  return chars(rng, 40, `${ALNUM}/+`);
}

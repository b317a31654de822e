import { atlassianChecksumValid, base62ChecksumValid } from "@/lib/discovery/detectors/checksums";
import type { TDetectorId } from "@/lib/discovery/vocabulary";

/**
 * THE registry of token formats the scanner recognises by shape: one entry per format, the only
 * place one is added. `pattern` finds candidates (global, anchored on the prefix, bounded
 * quantifiers only, a boundary on both sides); `validate` separates a credential from a
 * look-alike with what the provider publishes (a checksum, a fixed structure) and, where nothing
 * is published, with the randomness of the body. Kind and provider come from DETECTOR_META
 * (vocabulary.ts), which the report schema checks findings against.
 *
 * Sources: GitHub's token-format posts (2021) and its 2026 stateless installation tokens
 * (`ghs_` JWTs, recommended pattern `ghs_[A-Za-z0-9._]{36,}`); GitLab's token prefixes and routable
 * token design; Slack's token types; AWS access key ids; Atlassian's checksummed API tokens;
 * the widely used gitleaks rules for OpenAI, Anthropic, Google, Stripe and npm, cross-checked.
 */

export type TTokenFormat = {
  id: TDetectorId;
  label: string;
  pattern: RegExp;
  validate?: (token: string) => boolean;
};

// Not preceded/followed by a character the token itself could contain, so a longer word or a
// longer token never yields a shorter match inside it.
const START = "(?<![A-Za-z0-9_-])";
const END = "(?![A-Za-z0-9_-])";

/**
 * No published checksum: the random part must at least look generated. Made-up values are mostly
 * one character (xxxx…, 0000…), a short unit repeated (Ab3dAb3d…), an alphabet walk (ABCDEFG…) or
 * say EXAMPLE. Each test is scaled to the body's length, so a real token that happens to hold
 * "ffffff" or "XXXX" somewhere is never dismissed by bad luck (a false negative costs more here
 * than a false positive).
 */
export function looksGenerated(body: string): boolean {
  if (!body || /EXAMPLE|example/.test(body)) return false;
  let run = 1;
  let longest = 1;
  let steps = 0;
  for (let i = 1; i < body.length; i++) {
    run = body[i] === body[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
    if (body.charCodeAt(i) === body.charCodeAt(i - 1) + 1) steps += 1;
  }
  if (longest >= Math.max(6, Math.ceil(body.length / 4)) || steps * 2 > body.length) return false;
  if ((body.match(/[xX]/g)?.length ?? 0) * 2 > body.length) return false;
  for (let period = 1; period <= 12 && period * 2 <= body.length; period++) {
    let repeats = true;
    for (let i = period; i < body.length && repeats; i++) repeats = body[i] === body[i - period];
    if (repeats) return false;
  }
  return new Set(body).size >= Math.min(8, Math.ceil(body.length / 4));
}

function randomBody(from = 0, to?: number) {
  return (token: string) => looksGenerated(token.slice(from, to));
}

/** GitHub: 36 characters carry a checksum; GitHub reserves up to 255, so longer ones are judged by randomness. */
function githubToken(prefixLength: number) {
  return (token: string) =>
    token.length === prefixLength + 36 ? base62ChecksumValid(token, prefixLength) : randomBody(prefixLength)(token);
}

function isJwt(token: string, from = 0): boolean {
  const [header, payload] = token.slice(from).split(".");
  try {
    const head = JSON.parse(Buffer.from(header ?? "", "base64url").toString("utf8")) as unknown;
    const body = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as unknown;
    return typeof head === "object" && head !== null && typeof (head as { alg?: unknown }).alg === "string" && typeof body === "object" && body !== null;
  } catch {
    return false;
  }
}

const re = (source: string) => new RegExp(`${START}${source}${END}`, "g");

export const TOKEN_FORMATS: readonly TTokenFormat[] = [
  { id: "github_pat", label: "GitHub personal access token (classic)", pattern: re("ghp_[A-Za-z0-9]{36,251}"), validate: githubToken(4) },
  { id: "github_oauth_token", label: "GitHub OAuth access token", pattern: re("gho_[A-Za-z0-9]{36,251}"), validate: githubToken(4) },
  { id: "github_user_to_server_token", label: "GitHub App user access token", pattern: re("ghu_[A-Za-z0-9]{36,251}"), validate: githubToken(4) },
  { id: "github_refresh_token", label: "GitHub App refresh token", pattern: re("ghr_[A-Za-z0-9]{36,251}"), validate: githubToken(4) },
  {
    id: "github_installation_token",
    label: "GitHub App installation token",
    // The classic opaque form, and the stateless form: ghs_ + a JWT (two dots), ~520 characters.
    pattern: re("ghs_(?:[A-Za-z0-9_-]{0,40}?eyJ[A-Za-z0-9_-]{10,1000}\\.eyJ[A-Za-z0-9_-]{10,2000}\\.[A-Za-z0-9_-]{10,1000}|[A-Za-z0-9]{36,251})"),
    validate: (t) => (t.includes(".") ? isJwt(t, t.indexOf("eyJ")) : githubToken(4)(t)),
  },
  {
    id: "github_fine_grained_pat",
    label: "GitHub fine-grained personal access token",
    pattern: re("github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
    validate: randomBody(11),
  },
  {
    id: "gitlab_pat",
    label: "GitLab personal access token",
    // Legacy: 20 characters. Routable (GitLab 17.x+): payload, "." + version, length and CRC-32 in base 36.
    pattern: re("glpat-(?:[A-Za-z0-9_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})"),
    validate: randomBody(6),
  },
  // Slack (api.slack.com/authentication/token-types). Segments of digits are team/user ids.
  { id: "slack_bot_token", label: "Slack bot token", pattern: re("xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,64}"), validate: (t) => randomBody()(t.slice(t.lastIndexOf("-") + 1)) },
  { id: "slack_user_token", label: "Slack user token", pattern: re("xoxp-(?:[0-9]{8,14}-){3}[A-Za-z0-9]{28,34}"), validate: (t) => randomBody()(t.slice(t.lastIndexOf("-") + 1)) },
  { id: "slack_app_token", label: "Slack app-level token", pattern: re("xapp-[0-9]-[A-Z0-9]{8,16}-[0-9]{8,16}-[A-Za-z0-9]{32,128}"), validate: (t) => randomBody()(t.slice(t.lastIndexOf("-") + 1)) },
  { id: "slack_config_token", label: "Slack rotating / configuration access token", pattern: re("xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{40,300}"), validate: randomBody(12) },
  { id: "slack_refresh_token", label: "Slack refresh token", pattern: re("(?:xoxe-[0-9]-[A-Za-z0-9]{40,300}|xoxr-[A-Za-z0-9-]{20,300})"), validate: randomBody(5) },
  { id: "slack_legacy_token", label: "Slack legacy (workspace / session) token", pattern: re("xox[aos]-[0-9]{1,14}(?:-[A-Za-z0-9]{1,64}){2,5}"), validate: randomBody(5) },
  {
    id: "aws_access_key_id",
    label: "AWS access key id",
    // AKIA = long-lived IAM user key, ASIA = temporary (STS). The id is public; its secret key is the credential.
    pattern: new RegExp("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", "g"),
    validate: (t) => !t.endsWith("EXAMPLE") && randomBody(4)(t),
  },
  { id: "atlassian_api_token", label: "Atlassian API token", pattern: new RegExp("(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{186}(?![A-Za-z0-9_=-])", "g"), validate: atlassianChecksumValid },
  {
    id: "openai_api_key",
    label: "OpenAI API key",
    // "T3BlbkFJ" is base64 of "OpenAI", inside every key OpenAI has issued in these formats.
    pattern: re("sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"),
    validate: randomBody(3),
  },
  { id: "anthropic_api_key", label: "Anthropic API key", pattern: re("sk-ant-api03-[A-Za-z0-9_-]{93}AA"), validate: randomBody(13) },
  { id: "anthropic_admin_key", label: "Anthropic Admin API key", pattern: re("sk-ant-admin01-[A-Za-z0-9_-]{93}AA"), validate: randomBody(15) },
  { id: "anthropic_oauth_token", label: "Anthropic OAuth access token", pattern: re("sk-ant-oat01-[A-Za-z0-9_-]{40,300}"), validate: randomBody(13) },
  { id: "anthropic_refresh_token", label: "Anthropic OAuth refresh token", pattern: re("sk-ant-ort01-[A-Za-z0-9_-]{40,300}"), validate: randomBody(13) },
  { id: "google_api_key", label: "Google API key", pattern: re("AIza[0-9A-Za-z_-]{35}"), validate: randomBody(4) },
  { id: "stripe_secret_key", label: "Stripe secret key", pattern: re("sk_(?:live|test)_[0-9A-Za-z]{24,247}"), validate: randomBody(8) },
  { id: "stripe_restricted_key", label: "Stripe restricted key", pattern: re("rk_(?:live|test)_[0-9A-Za-z]{24,247}"), validate: randomBody(8) },
  { id: "npm_token", label: "npm access token", pattern: re("npm_[A-Za-z0-9]{36}"), validate: (t) => base62ChecksumValid(t, 4) },
  { id: "tokenward_api_key", label: "Tokenward API key", pattern: re("twk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), validate: randomBody(17) },
  {
    id: "jwt",
    label: "JSON Web Token",
    pattern: re("eyJ[A-Za-z0-9_-]{10,1000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{16,1000}"),
    validate: (t) => isJwt(t),
  },
];

export type TTokenMatch = { detector: TDetectorId; start: number; end: number; value: string };

// The same patterns without their boundaries: for the last pass over text the report shows, where
// a token glued to other characters must still be cut out (finding it is the bounded patterns' job).
const UNBOUNDED = new Map(
  TOKEN_FORMATS.map((f) => [f.id, new RegExp(f.pattern.source.replace(/^\(\?<!\[[^\]]*\]\)/, "").replace(/\(\?!\[[^\]]*\]\)$/, ""), "g")]),
);

/**
 * Every known-format credential in `text`, in order, none overlapping: where two formats match
 * the same characters (a stateless `ghs_` token contains a JWT) the longer match wins.
 * `anywhere`: also inside longer words (for redaction, not for findings).
 */
export function findKnownTokens(text: string, options: { anywhere?: boolean } = {}): TTokenMatch[] {
  const candidates: TTokenMatch[] = [];
  for (const format of TOKEN_FORMATS) {
    const pattern = options.anywhere ? UNBOUNDED.get(format.id)! : format.pattern;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const value = m[0];
      if (format.validate && !format.validate(value)) continue;
      candidates.push({ detector: format.id, start: m.index, end: m.index + value.length, value });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TTokenMatch[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

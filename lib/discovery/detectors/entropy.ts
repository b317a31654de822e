import { SCAN_LIMITS } from "@/lib/discovery/limits";

/**
 * The rule for secrets without a published format: a value under a key that names a secret
 * (GITHUB_TOKEN, apiKey, Authorization, --password) counts when it looks random. Example values
 * people leave in configs ("your-token-here", "xxxx", "<token>", "changeme") do not.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER_WHOLE = /^(?:x+|\*+|\.+|-+|_+|#+|0+|\?+|null|nil|none|undefined|true|false|yes|no|on|off|n\/a|tbd|todo|secret|token|password|passwd|key|api[-_ ]?key|apikey|bearer|changeme|empty|default|test|demo)$/i;
const PLACEHOLDER_PART = [
  /\b(?:your|my|the|insert|enter|put|add|paste)[-_ ]?(?:own[-_ ]?)?(?:[a-z]+[-_ ]?){0,3}(?:key|token|secret|password|pat|credential)s?\b/i,
  /(?:key|token|secret|password)[-_ ]?(?:goes[-_ ]?)?here/i,
  /<[^<>]*>/, // <token>, <YOUR_API_KEY>
  /\{\{[^{}]*\}\}/, // {{ token }} (templates)
  /x{4,}|X{4,}|\*{3,}|\.{3}|…/,
  /change[-_ ]?me|replace[-_ ]?(?:me|this|with)|placeholder|example|sample|dummy|redacted|fixme|not[-_ ]?set|set[-_ ]?me/i,
  /^(?:abc|123|abcdef|qwerty|password|letmein)/i,
];

/** A value that is a stand-in, not a credential. */
export function looksLikePlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (PLACEHOLDER_WHOLE.test(v)) return true;
  return PLACEHOLDER_PART.some((re) => re.test(v));
}

const SECRET_WORDS = new Set([
  "token", "tokens", "secret", "secrets", "password", "passwd", "passphrase", "pass", "pwd", "key", "keys", "apikey", "auth",
  "authorization", "credential", "credentials", "bearer", "pat", "cookie", "session", "privatekey", "signature", "sig",
]);
// Words that make a "key" or "token" name something else: TOKEN_URL, SSH_KEY_PATH, PUBLIC_KEY, AUTH_TYPE, MAX_TOKENS.
const NOT_SECRET_WORDS = new Set([
  "url", "uri", "endpoint", "host", "hostname", "domain", "port", "path", "file", "filename", "dir", "directory", "name", "id",
  "type", "mode", "method", "scheme", "region", "user", "username", "login", "email", "version", "length", "len", "count", "max",
  "min", "limit", "limits", "expiry", "expires", "expiration", "ttl", "timeout", "enabled", "disabled", "enable", "required", "public",
  "header", "location", "format", "env", "var", "prefix", "hint", "label", "scope", "scopes", "audience", "issuer", "provider",
]);

/** The words of a key name: "GITHUB_TOKEN" → github, token; "apiKey" → api, key; "X-API-Key" → x, api, key. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a key (env var, header, flag, query parameter) names a secret. */
export function isSecretLikeKey(key: string | undefined): boolean {
  if (!key) return false;
  const words = keyWords(key);
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  // One-word spellings: APIKEY, ACCESSTOKEN, CLIENTSECRET, DBPASSWORD.
  return words.some((w) => /(?:token|secret|password|passwd|apikey|accesskey|privatekey)$/.test(w));
}

/**
 * Looks random enough to be a generated secret: long enough, no spaces, not a number, a path, a URL
 * or an address, not a placeholder, and spread over enough distinct characters. Short values pass
 * only where the key says "password" (`minLength` 8).
 */
export function looksRandom(value: string, minLength = 16): boolean {
  const v = value.trim();
  if (v.length < minLength || v.length > SCAN_LIMITS.maxSecretLength) return false;
  if (/\s/.test(v)) return false;
  if (/^[0-9.,:+-]+$/.test(v)) return false; // numbers, versions, times
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false; // URLs are judged by their parts
  if (/^(?:[/~]|\.{1,2}[/\\]|[A-Za-z]:[/\\])/.test(v)) return false; // paths
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return false; // e-mail addresses
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(v)) return false; // kebab/snake words: "read-only", "my_service_name"
  if (looksLikePlaceholder(v)) return false;
  const floor = Math.min(3.0, Math.log2(v.length) * 0.8);
  return shannonEntropy(v) >= floor;
}

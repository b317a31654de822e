import { isSecretLikeKey, keyWords, looksLikePlaceholder, looksRandom } from "@/lib/discovery/detectors/entropy";
import type { TSecretHit, TTextScan } from "@/lib/discovery/detectors/hits";
import { findReferences, withoutReferences, type TReferenceMatch } from "@/lib/discovery/detectors/references";
import { findKnownTokens } from "@/lib/discovery/detectors/registry";
import { findUrls, scanUrl } from "@/lib/discovery/detectors/url";

/**
 * One string from a config file → the secrets and references in it. Known formats and URL
 * credentials are found wherever they are; a value without a known format counts only by its
 * context: an Authorization scheme, the key it sits under (env var, header, flag, parameter), a
 * `NAME=value` / `--flag=value` / `Header: value` it spells out itself, or the flag before it on a
 * command line. Pure: the secrets stay in the returned hits.
 */

export type TTextContext = {
  /** The env var, header, flag or parameter name the text is the value of. */
  keyName?: string;
};

const MAX_DEPTH = 4;
const AUTH_SCHEME = /(^|[\s:="'])(Bearer|Token|Basic)\s+([^\s,;"']+)/i;
const AUTH_HEADERS = new Set(["authorization", "proxy-authorization"]);
const AWS_SECRET_KEY = /aws.?secret|secret.?access.?key/i;
const PASSWORD_WORDS = new Set(["password", "passwd", "pass", "pwd", "passphrase"]);

export function scanText(text: string, ctx: TTextContext = {}, depth = 0): TTextScan {
  const out: TTextScan = { secrets: [], references: [] };
  if (!text || depth > MAX_DEPTH) return out;
  const refs = findReferences(text);
  const fallbacks = refs.filter((r) => r.fallback).map((r) => r.fallback!);
  const inFallback = (start: number) => fallbacks.some((f) => start >= f.start && start < f.start + f.value.length);

  for (const r of refs) {
    out.references.push({ reference: r.reference, kind: r.kind, ...(r.fallback ? { hasDefault: true } : {}) });
    if (!r.fallback) continue;
    // `${VAR:-ghp_…}`: the default is a literal in the file.
    const inner = scanText(r.fallback.value, ctx, depth + 1);
    const shift = r.fallback.start;
    for (const s of inner.secrets) out.secrets.push({ ...s, start: s.start + shift, end: s.end + shift, keyPathSuffix: `(default)${s.keyPathSuffix ?? ""}` });
  }
  for (const t of findKnownTokens(text)) {
    if (!inFallback(t.start)) out.secrets.push({ detector: t.detector, value: t.value, start: t.start, end: t.end, keyName: ctx.keyName });
  }
  for (const u of findUrls(text)) {
    if (inFallback(u.start)) continue;
    // References inside the URL were recorded above, from the whole text.
    for (const s of scanUrl(text.slice(u.start, u.end), u.start).secrets) {
      if (!out.secrets.some((o) => s.start < o.end && o.start < s.end)) out.secrets.push({ ...s, keyName: ctx.keyName });
    }
  }
  // A known format or a URL credential says more than any context could about the value it is;
  // in a command line, the other words are still judged by their flags.
  if (out.secrets.some((s) => !s.keyPathSuffix?.startsWith("(default)"))) {
    if (/\s/.test(text.trim())) {
      for (const hit of scanWords(text, depth)) if (!out.secrets.some((o) => hit.start < o.end && o.start < hit.end)) out.secrets.push(hit);
    }
    return out;
  }
  contextual(text, ctx, refs, out, depth);
  return out;
}

function contextual(text: string, ctx: TTextContext, refs: TReferenceMatch[], out: TTextScan, depth: number): void {
  const overlapsRef = (start: number, end: number) => refs.some((r) => start < r.end && r.start < end);
  const add = (hit: Omit<TSecretHit, "keyName">) => out.secrets.push({ ...hit, keyName: ctx.keyName });

  // "Bearer …", "Token …", "Basic …" wherever they appear: a header, an AUTH_HEADER variable, an argument.
  const auth = AUTH_SCHEME.exec(text);
  if (auth) {
    const credential = auth[3]!;
    const start = auth.index + auth[0].length - credential.length;
    if (overlapsRef(start, start + credential.length)) return;
    if (auth[2]!.toLowerCase() === "basic") basicAuth(credential, start, add);
    else if (looksRandom(credential, 16)) add({ detector: "bearer_token", value: credential, start, end: start + credential.length });
    return;
  }

  const literal = withoutReferences(text, refs).trim();
  const key = ctx.keyName;
  if (key && (AUTH_HEADERS.has(key.toLowerCase()) || isSecretLikeKey(key))) {
    const span = refs.length ? { start: 0, end: text.length } : { start: text.indexOf(literal), end: text.indexOf(literal) + literal.length };
    const isPassword = keyWords(key).some((w) => PASSWORD_WORDS.has(w));
    if (AWS_SECRET_KEY.test(key) && /^[A-Za-z0-9/+]{40}$/.test(literal) && looksRandom(literal, 40)) {
      add({ detector: "aws_secret_access_key", value: literal, ...span });
    } else if (AUTH_HEADERS.has(key.toLowerCase()) ? looksRandom(literal, 16) : looksRandom(literal, isPassword ? 8 : 16)) {
      add({ detector: AUTH_HEADERS.has(key.toLowerCase()) ? "bearer_token" : "high_entropy_secret", value: literal, ...span });
    }
    return;
  }

  // The text names its own key: NAME=value (docker -e, env-style), --flag=value, "Header: value".
  const assignment = /^(--?[A-Za-z][\w.-]*|[A-Za-z_][A-Za-z0-9_.-]*)=(.+)$/s.exec(text) ?? /^([A-Za-z][\w-]*)\s*:\s*(?!\/\/)(.+)$/s.exec(text);
  if (assignment) {
    const value = assignment[2]!;
    const offset = text.length - value.length;
    const inner = scanText(value, { keyName: assignment[1] }, depth + 1);
    for (const s of inner.secrets) out.secrets.push({ ...s, start: s.start + offset, end: s.end + offset });
    return;
  }

  // A command line inside one string ("npx server --api-key abc…"): each word, keyed by the flag before it.
  if (/\s/.test(text.trim())) {
    for (const hit of scanWords(text, depth)) out.secrets.push(hit);
  }
}

/** Words of a command line with their offsets; the value after `--flag` is judged under that flag's name. */
export function scanWords(text: string, depth = 0): TSecretHit[] {
  const hits: TSecretHit[] = [];
  let previous: string | undefined;
  for (const m of text.matchAll(/\S+/g)) {
    const word = m[0];
    const keyName = previous && /^--?[A-Za-z]/.test(previous) && !previous.includes("=") && !word.startsWith("-") ? previous : undefined;
    for (const s of scanText(word, { keyName }, depth + 1).secrets) hits.push({ ...s, start: s.start + m.index, end: s.end + m.index });
    previous = word;
  }
  return hits;
}

/** A Basic credential is base64("user:password"); the password is the secret an inventory knows. */
function basicAuth(credential: string, start: number, add: (hit: Omit<TSecretHit, "keyName">) => void): void {
  const span = { start, end: start + credential.length };
  let decoded: string | null = null;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) {
    const text = Buffer.from(credential, "base64").toString("utf8");
    if (Buffer.from(text, "utf8").toString("base64").replace(/=+$/, "") === credential.replace(/=+$/, "") && /^[^\u0000-\u001f]*:[^\u0000-\u001f]*$/.test(text)) decoded = text;
  }
  if (decoded === null) {
    if (looksRandom(credential, 16)) add({ detector: "basic_auth_password", value: credential, ...span });
    return;
  }
  const colon = decoded.indexOf(":");
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const userToken = findKnownTokens(user)[0];
  if (userToken) add({ detector: userToken.detector, value: userToken.value, ...span, keyPathSuffix: "(basic:user)" });
  const token = findKnownTokens(password)[0];
  if (token) add({ detector: token.detector, value: token.value, ...span, keyPathSuffix: "(basic:password)" });
  else if (password.length >= 8 && !looksLikePlaceholder(password) && !/\s/.test(password)) {
    add({ detector: "basic_auth_password", value: password, ...span, keyPathSuffix: "(basic:password)" });
  }
}

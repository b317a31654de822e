import { isSecretLikeKey, looksLikePlaceholder, looksRandom } from "@/lib/discovery/detectors/entropy";
import { findReferences } from "@/lib/discovery/detectors/references";
import { findKnownTokens } from "@/lib/discovery/detectors/registry";
import type { TRefHit, TSecretHit } from "@/lib/discovery/detectors/hits";

/**
 * Credentials inside a URL: userinfo (`https://user:pass@host`, `https://ghp_…@github.com`) and
 * query or fragment parameters (`?token=`, `access_token=`, `api_key=`). Parsed by hand on the raw
 * text rather than with WHATWG URL, which normalises and re-encodes: the scanner needs the exact
 * characters to cut out of the recorded URL, and the decoded value to fingerprint.
 */

const URL_IN_TEXT = /[a-z][a-z0-9+.-]{1,20}:\/\/[^\s"'<>`]+/gi;
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;
// Parameter names that carry a credential even though they do not read like one.
const SECRET_PARAMS = new Set(["key", "sig", "signature", "code", "auth", "apikey", "api_key", "access_token", "token", "client_secret", "private_token"]);
// Passwords that only ever mean "a local development database", not a credential worth tracking.
const DEFAULT_PASSWORDS = new Set(["postgres", "root", "admin", "password", "guest", "test", "dev", "mysql", "redis"]);

export function findUrls(text: string): { start: number; end: number }[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function urlHost(url: string): string | undefined {
  const authority = AUTHORITY.exec(url)?.[2];
  if (authority === undefined) return undefined;
  return authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "").toLowerCase() || undefined;
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Hits in the URL that starts at `offset` of the scanned text and spans `raw`. */
export function scanUrl(raw: string, offset: number): { secrets: TSecretHit[]; references: TRefHit[] } {
  const secrets: TSecretHit[] = [];
  const references: TRefHit[] = [];
  const part = (value: string, start: number, suffix: string, judge: (decoded: string) => TSecretHit["detector"] | null) => {
    const refs = findReferences(value);
    if (refs.length) {
      for (const r of refs) references.push({ reference: r.reference, kind: r.kind, keyPathSuffix: suffix });
      return;
    }
    const decoded = decode(value);
    const token = findKnownTokens(decoded).find((t) => t.start === 0 && t.end === decoded.length) ?? findKnownTokens(decoded)[0];
    if (token) {
      secrets.push({ detector: token.detector, value: token.value, start: offset + start, end: offset + start + value.length, keyPathSuffix: suffix });
      return;
    }
    const detector = judge(decoded);
    if (detector) secrets.push({ detector, value: decoded, start: offset + start, end: offset + start + value.length, keyPathSuffix: suffix });
  };

  const authority = AUTHORITY.exec(raw);
  if (authority) {
    const scheme = authority[1]!;
    const at = authority[2]!.lastIndexOf("@");
    if (at >= 0) {
      const userinfo = authority[2]!.slice(0, at);
      const colon = userinfo.indexOf(":");
      const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
      const pass = colon >= 0 ? userinfo.slice(colon + 1) : "";
      const userStart = scheme.length;
      if (pass) {
        part(pass, userStart + colon + 1, "(userinfo:password)", (p) =>
          !looksLikePlaceholder(p) && p.length >= 6 && p.toLowerCase() !== decode(user).toLowerCase() && !DEFAULT_PASSWORDS.has(p.toLowerCase()) ? "url_password" : null,
        );
      }
      // A token as the user name (https://<token>@host, https://<token>:x-oauth-basic@github.com).
      if (user) part(user, userStart, "(userinfo:user)", (u) => (looksRandom(u, 20) ? "high_entropy_secret" : null));
    }
  }

  const query = raw.indexOf("?");
  const hash = raw.indexOf("#");
  const ranges: [number, number][] = [];
  if (query >= 0) ranges.push([query + 1, hash > query ? hash : raw.length]);
  if (hash >= 0) ranges.push([hash + 1, raw.length]); // #access_token=… (OAuth implicit grant)
  for (const [from, to] of ranges) {
    let at = from;
    for (const pair of raw.slice(from, to).split("&")) {
      const eq = pair.indexOf("=");
      if (eq > 0) {
        const name = decode(pair.slice(0, eq)).slice(0, 64);
        const value = pair.slice(eq + 1);
        if (value) {
          part(value, at + eq + 1, `(query:${name})`, (v) => {
            const secretName = isSecretLikeKey(name) || SECRET_PARAMS.has(name.toLowerCase());
            return secretName && looksRandom(v, /pass/i.test(name) ? 8 : 16) ? "high_entropy_secret" : null;
          });
        }
      }
      at += pair.length + 1;
    }
  }
  return { secrets, references };
}

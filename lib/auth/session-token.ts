import "server-only";
import { createHash } from "node:crypto";
import { decode as authDecode, getToken, type JWTDecodeParams } from "next-auth/jwt";

/**
 * The user id in the Auth.js session cookie, read the way Auth.js reads it (same cookie name, same
 * salt, same JWE decryption and expiry check), without running Auth.js's session endpoint per
 * request: `auth()` builds a Request, routes it through the Auth.js core, re-encrypts the token and
 * serialises a Response, only for us to parse it back — about a millisecond on every API read.
 *
 * Only the Cookie header is looked at: Auth.js itself never accepts the session token from an
 * Authorization header, so neither do we. Nothing here renews the cookie; neither does `auth()` when
 * called from a server component or route handler.
 */

/**
 * Decrypting the JWE (key derivation, AES-CBC + HMAC) is the largest share of an API read that is
 * not the query: 0.6–1.8 ms per request on this machine. A given token always decrypts to the same
 * claims, so each valid one is decrypted once and kept until its own `exp` (bounded, oldest first
 * out). Nothing about revocation changes: the session version is checked against the database on
 * every request (lib/auth/queries.ts). Keys are SHA-256 of secret, salt and token — no token is held.
 */
const DECODED_MAX = 5_000;
const decoded = new Map<string, { claims: Record<string, unknown>; expiresAtMs: number }>();

export async function cachedDecode(params: JWTDecodeParams, now = Date.now()): Promise<Record<string, unknown> | null> {
  if (!params.token) return null;
  const secrets = Array.isArray(params.secret) ? params.secret.join("\u0000") : params.secret;
  const key = createHash("sha256").update(secrets).update("\u0000").update(params.salt).update("\u0000").update(params.token).digest("base64url");
  const hit = decoded.get(key);
  if (hit) {
    if (now < hit.expiresAtMs) return hit.claims;
    decoded.delete(key);
    return null;
  }
  const claims = await authDecode(params);
  // Only a token with an expiry is kept, and never past it (Auth.js's own 15 s tolerance is not copied).
  if (claims && typeof claims.exp === "number") {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { claims, expiresAtMs: claims.exp * 1000 });
  }
  return claims;
}

/** For tests: how many decrypted tokens are kept. */
export function decodedSessionCount(): number {
  return decoded.size;
}

type TSessionTokenOptions = { secret: string | undefined; authUrl: string | undefined };

/** Auth.js picks the `__Secure-` cookie when its own URL is https (AUTH_URL, else the forwarded proto). */
export function usesSecureCookie(headers: Headers, authUrl: string | undefined): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  const proto = headers.get("x-forwarded-proto") ?? "https";
  return proto.replace(/:$/, "") === "https";
}

export type TSessionClaims = { userId: string; sessionVersion: number; signedInAt: number };

/**
 * The session's claims, or null when there is no valid session. A token without the session version
 * or sign-in time (made before they existed) is no session: it cannot be checked for revocation.
 */
export async function readSession(headers: Headers, options: TSessionTokenOptions): Promise<TSessionClaims | null> {
  if (!options.secret) return null; // Auth.js fails closed without a secret; so do we.
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret: options.secret,
    secureCookie: usesSecureCookie(headers, options.authUrl),
    decode: (params) => cachedDecode(params),
    // A session token that does not decrypt is "no session", not an error worth a log line.
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  const { uid, sv, sat } = token ?? {};
  if (typeof uid !== "string" || uid.length === 0 || !Number.isSafeInteger(sv) || !Number.isFinite(sat)) return null;
  return { userId: uid, sessionVersion: sv as number, signedInAt: sat as number };
}

/** Whether a session that began at `signedInAt` is past the absolute lifetime at `now`. */
export function sessionTooOld(signedInAt: number, maxHours: number, now = Date.now()): boolean {
  return !(signedInAt <= now + 60_000 && now - signedInAt < maxHours * 3_600_000);
}

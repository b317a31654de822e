import "server-only";
import { getToken } from "next-auth/jwt";

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

type TSessionTokenOptions = { secret: string | undefined; authUrl: string | undefined };

/** Auth.js picks the `__Secure-` cookie when its own URL is https (AUTH_URL, else the forwarded proto). */
export function usesSecureCookie(headers: Headers, authUrl: string | undefined): boolean {
  if (authUrl) return new URL(authUrl).protocol === "https:";
  const proto = headers.get("x-forwarded-proto") ?? "https";
  return proto.replace(/:$/, "") === "https";
}

export async function readSessionUserId(headers: Headers, options: TSessionTokenOptions): Promise<string | null> {
  if (!options.secret) return null; // Auth.js fails closed without a secret; so do we.
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const token = await getToken({
    req: { headers: { cookie } },
    secret: options.secret,
    secureCookie: usesSecureCookie(headers, options.authUrl),
    // A session token that does not decrypt is "no session", not an error worth a log line.
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  const uid = token?.uid;
  return typeof uid === "string" && uid.length > 0 ? uid : null;
}

import { AppError } from "@/lib/errors/app-error";

/**
 * The one check for every post-sign-in redirect target (sign-in page, sign-in actions, Auth.js's
 * redirect callback). Browsers strip tab/CR/LF from URLs and treat "\" as "/", so "/\t/evil" or
 * "/\\evil" reach another host although they start with "/": we parse the value the way the browser
 * will, against our own origin, and keep it only if it stays there. Control characters and
 * backslashes are refused outright rather than cleaned up, because a cleaned value is not what the
 * user (or attacker) sent, and CR/LF would otherwise end up in a Location header (a 500, or worse).
 */

export const MAX_REDIRECT_LENGTH = 2048;

/** Used when the caller has no origin to compare against: no absolute URL can match it. */
const NO_ORIGIN = "http://same-origin.invalid";

export class UnsafeRedirectError extends AppError {
  constructor(reason: string) {
    super("VALIDATION", "The redirect target is not a path on this site.", { fieldErrors: { callbackUrl: [reason] } });
  }
}

const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

/** Returns path + search + hash of a same-origin target, or throws a VALIDATION error. */
export function safeRedirectPath(value: unknown, origin: string = NO_ORIGIN): string {
  if (typeof value !== "string" || value.length === 0) throw new UnsafeRedirectError("must be a non-empty string");
  if (value.length > MAX_REDIRECT_LENGTH) throw new UnsafeRedirectError(`must be at most ${MAX_REDIRECT_LENGTH} characters`);
  if (FORBIDDEN.test(value)) throw new UnsafeRedirectError("must not contain control characters or backslashes");
  const base = new URL(origin);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new UnsafeRedirectError("is not a URL");
  }
  // Relative targets must start with exactly one "/"; anything else ("evil.example", " /x") is not a path we produced.
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (!isAbsolute && (!value.startsWith("/") || value.startsWith("//"))) throw new UnsafeRedirectError("must be a path starting with a single /");
  if (url.origin !== base.origin) throw new UnsafeRedirectError("must stay on this site");
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "http://host//evil" parses to pathname "//evil", which a later relative use would read as a host.
  if (path.startsWith("//")) throw new UnsafeRedirectError("must be a path starting with a single /");
  return path;
}

/** For places that cannot answer 400 (a page render): an unsafe target falls back to `fallback`. */
export function safeRedirectPathOr(value: unknown, origin?: string, fallback = "/"): string {
  try {
    return safeRedirectPath(value, origin);
  } catch (error) {
    if (error instanceof UnsafeRedirectError) return fallback;
    throw error;
  }
}

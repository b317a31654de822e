import { toPublicError } from "@/lib/errors/app-error";
import { safeRedirectPath, UnsafeRedirectError } from "@/lib/security/safe-redirect";

/**
 * Guards Auth.js's own endpoints (/api/auth/*) against an unsafe `callbackUrl`. Auth.js reads it
 * from the query, the form or JSON body and its callback-url cookie; its redirect callback would
 * quietly replace an unsafe one with "/", and a CR/LF in it used to become a 500. Here any of them
 * that is not a same-origin path (lib/security/safe-redirect.ts) is answered 400 VALIDATION before
 * Auth.js sees the request, so a hostile link fails loudly and the same way everywhere.
 * A bad cookie is also cleared: otherwise every later /api/auth request (the session poll too)
 * would keep failing until the user found and deleted it.
 */

/** Auth.js v5's cookie names (plain on http, __Secure- prefixed on https). */
export const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"] as const;

type TUnsafe = { source: "query" | "body" | "cookie"; reason: string; cookie?: string };

function cookieValue(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return part.slice(at + 1).trim();
      }
    }
  }
  return null;
}

async function bodyCallbackUrl(request: Request): Promise<unknown> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  try {
    if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return (await request.clone().formData()).get("callbackUrl") ?? undefined;
    if (type === "application/json") {
      const body = (await request.clone().json()) as unknown;
      return typeof body === "object" && body !== null ? (body as Record<string, unknown>).callbackUrl : undefined;
    }
  } catch {
    // A body Auth.js cannot parse either: it answers that itself.
  }
  return undefined;
}

function check(value: unknown, origin: string): string | null {
  // Absent or empty: Auth.js uses its default target, which is safe.
  if (value === undefined || value === null || value === "") return null;
  try {
    safeRedirectPath(value, origin);
    return null;
  } catch (error) {
    if (error instanceof UnsafeRedirectError) return error.fieldErrors?.callbackUrl?.[0] ?? error.message;
    throw error;
  }
}

export async function findUnsafeCallbackUrl(request: Request, origin: string): Promise<TUnsafe | null> {
  const url = new URL(request.url);
  for (const value of url.searchParams.getAll("callbackUrl")) {
    const reason = check(value, origin);
    if (reason) return { source: "query", reason };
  }
  const fromBody = check(await bodyCallbackUrl(request), origin);
  if (fromBody) return { source: "body", reason: fromBody };
  for (const name of CALLBACK_COOKIES) {
    const reason = check(cookieValue(request.headers.get("cookie"), name), origin);
    if (reason) return { source: "cookie", reason, cookie: name };
  }
  return null;
}

/** Wraps an Auth.js handler; `origin` is AUTH_URL's when configured, else the request's own. */
export function guardCallbackUrl<TRequest extends Request>(handler: (request: TRequest) => Promise<Response>, configuredOrigin?: () => string | undefined) {
  return async (request: TRequest): Promise<Response> => {
    const origin = configuredOrigin?.() ?? new URL(request.url).origin;
    const unsafe = await findUnsafeCallbackUrl(request, origin);
    if (!unsafe) return handler(request);
    const error = new UnsafeRedirectError(`${unsafe.reason} (${unsafe.source})`);
    const headers = new Headers({ "cache-control": "no-store" });
    if (unsafe.cookie) {
      const secure = unsafe.cookie.startsWith("__Secure-") ? "; Secure" : "";
      headers.append("set-cookie", `${unsafe.cookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    }
    return Response.json({ error: toPublicError(error) }, { status: error.status, headers });
  };
}

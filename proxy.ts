import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { buildCsp, generateNonce } from "@/lib/security/csp";

function ssoOrigin(): string | undefined {
  try {
    const issuer = env().AUTH_OIDC_ISSUER;
    return issuer ? new URL(issuer).origin : undefined;
  } catch {
    return undefined; // An invalid environment is reported by the page that reads it.
  }
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Per-request CSP nonce for pages. Not an auth boundary: pages, actions and route handlers each
 * check the session themselves (lib/auth/session.ts, lib/server/).
 */
export function proxy(request: NextRequest) {
  // A malformed %-escape in a page path makes Next's own parameter decoding throw (a 500 and an
  // error in the log, on demand for anyone): answer it as the bad request it is.
  if (!decodable(request.nextUrl.pathname)) {
    return request.nextUrl.pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "VALIDATION", message: "The path has a malformed %-escape." } }, { status: 400, headers: { "cache-control": "no-store" } })
      : new NextResponse("Bad request: the path has a malformed %-escape.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // API paths reach the proxy only when they hold a % (see the matcher): nothing more to do.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = generateNonce();
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development", ssoOrigin: ssoOrigin() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON/NDJSON, static assets need no nonce.
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-action" }] },
    // Only to refuse a malformed %-escape, which Next's parameter decoding turns into a 500.
    "/api/(.*%.*)",
  ],
};

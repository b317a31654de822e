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

/**
 * Per-request CSP nonce for pages. Not an auth boundary: pages, actions and route handlers each
 * check the session themselves (lib/auth/session.ts, lib/server/).
 */
export function proxy(request: NextRequest) {
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
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-action" }] }],
};

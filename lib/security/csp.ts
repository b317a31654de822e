/**
 * The Content-Security-Policy for pages: scripts only with this request's nonce ('strict-dynamic'
 * lets Next's own chunks load), no plugins, no framing, forms only to ourselves and the SSO issuer.
 * Styles allow inline attributes because UI primitives position popovers with style="…".
 */
export function buildCsp(nonce: string, options: { dev: boolean; ssoOrigin?: string }): string {
  const formAction = ["'self'", options.ssoOrigin].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

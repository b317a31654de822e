// @ts-check

/** Routes whose every answer (data or error) is JSON: compressed by `next start` (see headers()). */
const JSON_ROUTES = ["/api/v1/credentials", "/api/v1/credentials/count"];

/**
 * Security headers for every response. The Content-Security-Policy (with a per-request nonce) is
 * set in proxy.ts, because a nonce cannot be static.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships wasm + data files: load it from node_modules at run time instead of bundling it
  // (bundled, it breaks at run time and Turbopack would copy its files into public static assets).
  // pdfkit reads its standard fonts' metrics (.afm) from its own folder at run time: same reason.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit"],
  async headers() {
    return [
      // Route handler JSON gets Next's own gzip only when its Content-Type is already on the response
      // before the handler's headers are copied (docs/ARCHITECTURE.md, "Compressed route handler
      // JSON"): Next 16.4.5 copies them as arrays, which its compression middleware skips, and drops a
      // handler's own Content-Encoding. Only routes that answer JSON whatever happens belong here.
      ...JSON_ROUTES.map((source) => ({ source, headers: [{ key: "Content-Type", value: "application/json; charset=utf-8" }] })),
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;

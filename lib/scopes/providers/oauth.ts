import { defineScopeFamily, rule } from "@/lib/scopes/define-family";

/**
 * Generic OAuth 2.0 / OpenID Connect: the standard OIDC scopes and the conventions most
 * authorization servers follow (`tickets:read`, `read:tickets`, `tickets.write`, `admin`, `*`).
 * OAuth scopes are case-sensitive (RFC 6749 §3.3), so matching is exact. Also the fallback for a
 * provider type the catalogue has no family for.
 */

const what = (name: string) => name.replace(/[._-]/g, " ");

export const oauthScopes = defineScopeFamily({
  id: "oauth",
  label: "OAuth",
  caseInsensitive: false,
  exact: {
    openid: { privilege: "read", reason: "Signs the user in (OpenID Connect)" },
    profile: { privilege: "read", reason: "Reads the user's name and profile claims" },
    email: { privilege: "read", reason: "Reads the user's e-mail address" },
    address: { privilege: "read", reason: "Reads the user's postal address" },
    phone: { privilege: "read", reason: "Reads the user's phone number" },
    offline_access: { privilege: "read", reason: "Gets refresh tokens: access outlives the user's session" },
    "*": { privilege: "wildcard", reason: "Every scope the authorization server defines" },
    all: { privilege: "wildcard", reason: "Every scope the authorization server defines" },
    admin: { privilege: "admin", reason: "Administration of the whole service" },
    // MCP leaves scope names to each server; Acme's servers use these.
    "mcp:tools": { privilege: "write", reason: "Calls an MCP server's tools: whatever they do, including writes" },
    "mcp:resources": { privilege: "read", reason: "Reads an MCP server's resources" },
    "mcp:prompts": { privilege: "read", reason: "Reads an MCP server's prompts" },
  },
  rules: [
    rule(/^([a-z0-9_-]+)[:.]\*$/i, "wildcard", (m) => `Every ${what(m[1]!)} scope`),
    rule(/^admin[:.]([a-z0-9_.-]+)$/, "admin", (m) => `Administers ${what(m[1]!)}`),
    rule(/^([a-z0-9_.-]+)[:.](admin|manage)$/, "admin", (m) => `Administers ${what(m[1]!)}`),
    rule(/^manage[:.]([a-z0-9_.-]+)$/, "admin", (m) => `Administers ${what(m[1]!)}`),
    rule(/^([a-z0-9_.-]+)[:.](write|delete)$/, "write", (m) => `${m[2] === "delete" ? "Deletes" : "Creates and changes"} ${what(m[1]!)}`),
    rule(/^(write|delete)[:.]([a-z0-9_.-]+)$/, "write", (m) => `${m[1] === "delete" ? "Deletes" : "Creates and changes"} ${what(m[2]!)}`),
    rule(/^([a-z0-9_.-]+)[:.]read$/, "read", (m) => `Reads ${what(m[1]!)}`),
    rule(/^read[:.]([a-z0-9_.-]+)$/, "read", (m) => `Reads ${what(m[1]!)}`),
  ],
});

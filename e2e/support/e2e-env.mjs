// The environment of the app under e2e test: embedded database in its own dir, local login and
// SSO against the loopback oidc-provider (e2e/support/oidc-provider.mjs).
// Overridable so two suites (e.g. two checkouts) can run side by side on one machine.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3101);
export const APP_URL = `http://localhost:${APP_PORT}`;
// The OAuth authorization server the Providers e2e connects Tokenward to (e2e/support/connector-peer.ts).
export const CONNECTOR_PEER_PORT = Number(process.env.E2E_CONNECTOR_PORT ?? 3102);
export const CONNECTOR_PEER_ISSUER = `http://127.0.0.1:${CONNECTOR_PEER_PORT}`;
export const CONNECTOR_REGISTRATIONS_FILE = ".data/e2e-peer/registrations.txt";
// The fake GitHub the bulk revocation e2e connects to (e2e/support/github-peer.ts).
export const GITHUB_PEER_PORT = Number(process.env.E2E_GITHUB_PORT ?? 3103);
export const GITHUB_PEER_FILE = ".data/e2e-peer/github.json";
export const DEMO_PASSWORD = "e2e-demo-password-1234";

export const appEnv = {
  TOKENWARD_DATA_DIR: ".data/e2e/pglite",
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef0123456789",
  AUTH_URL: APP_URL,
  // e2e-only Ed25519 audit signing key (base64 PKCS8 DER): production refuses to start without one.
  TOKENWARD_AUDIT_SIGNING_KEY: "MC4CAQAwBQYDK2VwBCIEIJ1nVqzGk0l5lGbvj1V3kz8mJb0FJXj3v0WmP4qUoE2Z",
  TOKENWARD_AUDIT_KEY_ID: "e2e",
  // e2e-only AES-256 key for connector secrets at rest.
  TOKENWARD_CONNECTOR_KEYS: "e2e:ZTJlLW9ubHktY29ubmVjdG9yLWtleS0wMTIzNDU2Nzg=",
  TOKENWARD_LOCAL_LOGIN: "true",
  TOKENWARD_DEMO: "true",
  TOKENWARD_DEMO_PASSWORD: DEMO_PASSWORD,
  AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  AUTH_OIDC_CLIENT_ID: "tokenward-e2e",
  AUTH_OIDC_CLIENT_SECRET: "tokenward-e2e-secret-not-for-production",
  AUTH_OIDC_NAME: "Test IdP",
  AUTH_OIDC_ROLE_MAP: "tw-admins=admin,tw-security=security,tw-auditors=auditor",
  LOG_LEVEL: "warn",
};
// The MCP servers (@modelcontextprotocol/sdk) and JWKS issuer the MCP probe e2e runs against
// (e2e/support/mcp-peer.ts): the correct server on this port; the rest written to MCP_PEER_FILE.
export const MCP_PEER_PORT = Number(process.env.E2E_MCP_PORT ?? 3104);
export const MCP_PEER_FILE = ".data/e2e-peer/mcp.json";

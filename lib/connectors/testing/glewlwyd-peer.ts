import { generateKeyPairSync } from "node:crypto";
import { startGlewlwydProcess } from "./glewlwyd-process";

/**
 * Glewlwyd 2.7.5 (Debian), configured only through its admin REST API (docs/API.md): the default
 * admin logs in, then adds the scopes, two OpenID Connect plugin instances and Tokenward's client.
 *
 * - "oidc": client credentials, RFC 8707 resources per scope, RFC 9068 JWT access tokens (ES256),
 *   introspection and revocation by the token's own client (client id + secret), open RFC 7591
 *   registration with RFC 7592 management (as the oidc-provider peer has).
 * - "oidc-bearer": the same, but introspection and revocation accept only an access token carrying
 *   GLEWLWYD_INTROSPECT_SCOPE — the other way Glewlwyd can be set up.
 */
export const GLEWLWYD_CLIENT = { clientId: "tokenward-connector", clientSecret: "connector-test-secret-not-for-production" };
export const GLEWLWYD_RESOURCE = "https://mcp.example.test/";
export const GLEWLWYD_SCOPES = ["inventory:read", "inventory:write"];
export const GLEWLWYD_INTROSPECT_SCOPE = "tokenward:introspect";
// The package's init script creates this admin; the instance only ever listens on loopback.
const ADMIN = { username: "admin", password: "password" };
const ACCESS_TOKEN_SECONDS = 600;

export type TGlewlwydRegistration = { client_id: string; client_secret?: string; registration_client_uri: string; registration_access_token: string };
export type TGlewlwydPeer = {
  /** Issuer of the "oidc" instance: Glewlwyd's issuers carry a path (/api/<plugin>). */
  issuer: string;
  bearerIssuer: string;
  baseUrl: string;
  timings: { startMs: number; configureMs: number };
  /** The last lines Glewlwyd logged, for a failing test's message. */
  logTail: () => string;
  register: (name: string) => Promise<TGlewlwydRegistration>;
  remove: (registration: TGlewlwydRegistration) => Promise<void>;
  close: () => Promise<void>;
};

async function expectOk(response: Response, what: string): Promise<string> {
  const text = await response.text();
  if (!response.ok) throw new Error(`Glewlwyd admin API: ${what} failed with ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

async function adminSession(api: string): Promise<(method: string, path: string, body: unknown) => Promise<string>> {
  const login = await fetch(`${api}/auth/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
  await expectOk(login, "admin login");
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("Glewlwyd admin API: login set no session cookie");
  return async (method, path, body) =>
    expectOk(await fetch(`${api}${path}`, { method, headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) }), `${method} ${path}`);
}

function signingJwks(): string {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return JSON.stringify({ keys: [{ ...privateKey.export({ format: "jwk" }), kid: "tokenward-test", alg: "ES256", use: "sig" }] });
}

function pluginParameters(iss: string, jwks: string, introspection: "client" | "bearer") {
  const resources = Object.fromEntries([...GLEWLWYD_SCOPES, GLEWLWYD_INTROSPECT_SCOPE].map((s) => [s, [GLEWLWYD_RESOURCE]]));
  return {
    iss,
    "jwks-private": jwks,
    "default-kid": "tokenward-test",
    "access-token-duration": ACCESS_TOKEN_SECONDS,
    "refresh-token-duration": 3600,
    "code-duration": 600,
    // client_credentials is OAuth 2.0, not OpenID Connect: Glewlwyd gates it behind this switch.
    "allow-non-oidc": true,
    "auth-type-client-enabled": true,
    "auth-type-code-enabled": false,
    "auth-type-token-enabled": false,
    "auth-type-refresh-enabled": false,
    "introspection-revocation-allowed": true,
    "introspection-revocation-allow-target-client": introspection === "client",
    ...(introspection === "bearer" ? { "introspection-revocation-auth-scope": [GLEWLWYD_INTROSPECT_SCOPE] } : {}),
    "register-client-allowed": true,
    "register-client-management-allowed": true,
    "register-client-credentials-scope": [GLEWLWYD_SCOPES[0]],
    "resource-allowed": true,
    "resource-scope": resources,
    "resource-scope-and-client-property": false,
  };
}

async function configure(baseUrl: string): Promise<void> {
  const admin = await adminSession(`${baseUrl}/api`);
  for (const name of [...GLEWLWYD_SCOPES, GLEWLWYD_INTROSPECT_SCOPE]) {
    await admin("POST", "/scope/", { name, display_name: name, description: `Tokenward test scope ${name}`, password_required: false });
  }
  const jwks = signingJwks();
  for (const [name, introspection] of [["oidc", "client"], ["oidc-bearer", "bearer"]] as const) {
    await admin("POST", "/mod/plugin/", { module: "oidc", name, display_name: name, enabled: true, parameters: pluginParameters(`${baseUrl}/api/${name}`, jwks, introspection) });
  }
  await admin("POST", "/client/", {
    client_id: GLEWLWYD_CLIENT.clientId,
    name: "Tokenward connector",
    client_secret: GLEWLWYD_CLIENT.clientSecret,
    confidential: true,
    enabled: true,
    authorization_type: ["client_credentials"],
    scope: [...GLEWLWYD_SCOPES, GLEWLWYD_INTROSPECT_SCOPE],
    redirect_uri: [],
    token_endpoint_auth_method: ["client_secret_basic", "client_secret_post"],
  });
}

export async function startGlewlwydPeer(): Promise<TGlewlwydPeer> {
  const server = await startGlewlwydProcess();
  const configureStart = performance.now();
  try {
    await configure(server.baseUrl);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\nGlewlwyd's log:\n${server.logTail()}`, { cause: error });
  }
  const issuer = `${server.baseUrl}/api/oidc`;
  // Glewlwyd 2.7.5's database client module inserts a client, then reads the last insert id on the
  // connection all request threads share, without a lock: concurrent registrations fail with 500
  // or attach properties to the wrong client. Registrations here therefore go one at a time.
  let registering: Promise<unknown> = Promise.resolve();
  const registerNow = async (name: string) => {
    const response = await fetch(`${issuer}/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: name, grant_types: ["client_credentials"], redirect_uris: ["https://client.example.test/callback"], token_endpoint_auth_method: "client_secret_basic" }),
    });
    return JSON.parse(await expectOk(response, "client registration")) as TGlewlwydRegistration;
  };
  return {
    issuer,
    bearerIssuer: `${server.baseUrl}/api/oidc-bearer`,
    baseUrl: server.baseUrl,
    timings: { startMs: server.startedInMs, configureMs: Math.round(performance.now() - configureStart) },
    logTail: server.logTail,
    // Glewlwyd requires redirect_uris even for a client-credentials client, and answers 200 (RFC 7591 says 201).
    register: (name) => {
      const next = registering.then(() => registerNow(name));
      registering = next.catch(() => undefined);
      return next;
    },
    // RFC 7592 §2.3 says 204; Glewlwyd answers 200 and disables the client (its reads then answer 401).
    remove: async (registration) => {
      const response = await fetch(registration.registration_client_uri, { method: "DELETE", headers: { authorization: `Bearer ${registration.registration_access_token}` } });
      await expectOk(response, "client deletion (RFC 7592)");
    },
    close: server.stop,
  };
}

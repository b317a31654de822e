import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real authorization server (node-oidc-provider, certified) on 127.0.0.1 and an ephemeral port:
 * client credentials with resource indicators (RFC 8707), introspection (RFC 7662), revocation
 * (RFC 7009). Tokens are opaque, because oidc-provider cannot introspect or revoke JWT access tokens.
 */
export const PEER_CLIENT = { clientId: "tokenward-connector", clientSecret: "connector-test-secret-not-for-production" };
export const PEER_RESOURCE = "https://mcp.example.test/";
export const PEER_SCOPES = ["inventory:read", "inventory:write"];

/**
 * `delayMs`: every answer waits that long — a working server that is slow, not a broken one.
 * `port`: a fixed port (the e2e suite's peer); default an ephemeral one.
 */
export async function startOAuthPeer(options: { delayMs?: number; port?: number } = {}): Promise<{ issuer: string; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: PEER_CLIENT.clientId,
        client_secret: PEER_CLIENT.clientSecret,
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        scope: PEER_SCOPES.join(" "),
      },
    ],
    scopes: PEER_SCOPES,
    ttl: { ClientCredentials: 600 },
    cookies: { keys: ["connector-test-cookie-key"] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Only the client a token was issued to may introspect it.
      introspection: { enabled: true, allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId },
      revocation: { enabled: true },
      // RFC 7591 / 7592: clients registered here can be read back (the connector's sync).
      registration: { enabled: true },
      registrationManagement: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PEER_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== PEER_RESOURCE) throw new Error("unknown resource");
          return { scope: PEER_SCOPES.join(" "), audience: resource, accessTokenFormat: "opaque", accessTokenTTL: 600 };
        },
      },
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => (options.delayMs ? setTimeout(() => callback(req, res), options.delayMs) : callback(req, res)));
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ZRegistered = { parse: (v: unknown) => v as { client_id: string; client_secret?: string; registration_client_uri: string; registration_access_token: string } };

/** Registers a client-credentials client (RFC 7591), as an MCP client or an admin would. */
export async function registerPeerClient(issuer: string, name: string, options: { scope?: string; secretExpiresAt?: number } = {}) {
  const response = await fetch(`${issuer}/reg`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: name, grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: options.scope ?? PEER_SCOPES[0], token_endpoint_auth_method: "client_secret_basic" }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return ZRegistered.parse(await response.json());
}

/** Deletes a client (RFC 7592 §2.3): the next sync must see it gone. */
export async function deletePeerClient(registration: { registration_client_uri: string; registration_access_token: string }) {
  const response = await fetch(registration.registration_client_uri, { method: "DELETE", headers: { authorization: `Bearer ${registration.registration_access_token}` } });
  if (response.status !== 204) throw new Error(`delete failed: ${response.status}`);
}

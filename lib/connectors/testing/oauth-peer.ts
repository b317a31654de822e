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

export async function startOAuthPeer(): Promise<{ issuer: string; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
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
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

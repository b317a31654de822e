import { describe, expect, it } from "vitest";
import type { TConnectorContext } from "../contract";
import { ProviderError } from "../provider-error";
import { CONNECTORS } from "../registry";
import { runConnectorContractSuite } from "../testing/contract-suite";
import { deletePeerClient, PEER_CLIENT, PEER_RESOURCE, registerPeerClient, startOAuthPeer } from "../testing/oauth-peer";
import { ZOAuthConfig } from "./connector";

const ctxFor = (issuer: string, clientSecret = PEER_CLIENT.clientSecret, extra: Record<string, unknown> = {}): TConnectorContext<unknown, unknown> => ({
  config: ZOAuthConfig.parse({ issuer, clientId: PEER_CLIENT.clientId, ...extra }),
  secret: { clientSecret },
  timeoutMs: 5000,
});

runConnectorContractSuite("oauth (oidc-provider)", CONNECTORS.oauth, {
  setup: async () => {
    const peer = await startOAuthPeer();
    const registered = new Map<string, Awaited<ReturnType<typeof registerPeerClient>>>();
    return {
      ctx: ctxFor(peer.issuer),
      atBaseUrl: (url) => ctxFor(url),
      wrongSecret: ctxFor(peer.issuer, "not-the-secret"),
      issueRequest: { scopes: ["inventory:read"], resource: PEER_RESOURCE },
      expectedAudience: PEER_RESOURCE,
      sync: {
        seed: async (count) => {
          const clients = await Promise.all(Array.from({ length: count }, (_, i) => registerPeerClient(peer.issuer, `contract client ${i}`)));
          clients.forEach((c) => registered.set(`client_secret:${c.client_id}`, c));
          const registrations = clients.map((c) => `${c.registration_client_uri} ${c.registration_access_token}`).join("\n");
          return {
            ctx: { ...ctxFor(peer.issuer), secret: { clientSecret: PEER_CLIENT.clientSecret, registrations } },
            credentialIds: clients.map((c) => `client_secret:${c.client_id}`),
            secrets: clients.flatMap((c) => [c.client_secret!, c.registration_access_token]),
          };
        },
        remove: (id) => deletePeerClient(registered.get(id)!),
      },
      close: peer.close,
    };
  },
});

describe("oauth connector specifics", () => {
  it("authenticates with client_secret_post too, and issues for the default resource", async () => {
    const peer = await startOAuthPeer();
    try {
      const ctx = ctxFor(peer.issuer, PEER_CLIENT.clientSecret, { tokenEndpointAuth: "client_secret_post", defaultResource: PEER_RESOURCE });
      const { issue, verify } = CONNECTORS.oauth.capabilities;
      if (!issue.supported || !verify.supported) throw new Error("declared unsupported");
      const issued = await issue.run(ctx, { scopes: ["inventory:write"] });
      const v = await verify.run(ctx, { value: issued.value });
      expect(v).toMatchObject({ active: true, scopes: ["inventory:write"], audience: [PEER_RESOURCE], clientId: PEER_CLIENT.clientId });
    } finally {
      await peer.close();
    }
  });

  it("refuses a server whose metadata names another issuer", async () => {
    const peer = await startOAuthPeer();
    try {
      // Same server, addressed by another name: its metadata still says 127.0.0.1.
      const lookalike = peer.issuer.replace("127.0.0.1", "localhost");
      const test = CONNECTORS.oauth.capabilities.testConnection;
      if (!test.supported) throw new Error("declared unsupported");
      const e = await test.run(ctxFor(lookalike)).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ProviderError);
      expect((e as ProviderError).message).toMatch(/says its issuer is/);
    } finally {
      await peer.close();
    }
  });

  it("a wrong issuer path is a clear 'no metadata' error", async () => {
    const peer = await startOAuthPeer();
    try {
      const test = CONNECTORS.oauth.capabilities.testConnection;
      if (!test.supported) throw new Error("declared unsupported");
      const e = await test.run(ctxFor(`${peer.issuer}/wrong/path`)).catch((err: unknown) => err);
      expect((e as ProviderError).message).toMatch(/No authorization-server metadata/);
    } finally {
      await peer.close();
    }
  });

  it("declares rotate unsupported, naming RFC 7592", () => {
    const rotate = CONNECTORS.oauth.capabilities.rotate;
    expect(rotate.supported).toBe(false);
    if (!rotate.supported) expect(rotate.reason).toMatch(/RFC 7592/);
  });
});

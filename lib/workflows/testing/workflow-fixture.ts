import { randomBytes } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { fingerprintOf, hintOf } from "@/lib/connectors/fingerprint";
import { CONNECTORS } from "@/lib/connectors/registry";
import { PEER_CLIENT, PEER_RESOURCE } from "@/lib/connectors/testing/oauth-peer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProviderOperation } from "@/lib/providers/operations";
import { executeOperation } from "@/lib/server/execute";

/**
 * A provider connected to a real authorization server, and credentials in the inventory that are
 * real tokens there (issued through the connector, their values known only to the test), owned by
 * a team: what the workflow tests rotate and revoke.
 */

export const connectorKeys = () => `t1:${randomBytes(32).toString("base64")}`;

let seq = 0;

export async function connectedProvider(prisma: PrismaClient, admin: TActor, issuer: string): Promise<string> {
  const result = await executeOperation(prisma, createProviderOperation, admin, {
    type: "oauth",
    name: `Workflow server ${++seq}`,
    config: { issuer, clientId: PEER_CLIENT.clientId, defaultResource: PEER_RESOURCE },
    secret: { clientSecret: PEER_CLIENT.clientSecret },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.id;
}

export const peerContext = (issuer: string) => ({ config: { issuer, clientId: PEER_CLIENT.clientId, tokenEndpointAuth: "client_secret_basic", defaultResource: PEER_RESOURCE }, secret: { clientSecret: PEER_CLIENT.clientSecret } });

/** Issues a real token at the peer and files it in the inventory, owned as given. */
export async function realToken(prisma: PrismaClient, issuer: string, providerId: string, owner: { ownerId?: string | null; teamId?: string | null }) {
  const issue = CONNECTORS.oauth.capabilities.issue;
  if (!issue.supported) throw new Error("issue unsupported");
  const issued = await issue.run(peerContext(issuer), { scopes: ["inventory:read"], resource: PEER_RESOURCE });
  const credential = await prisma.credential.create({
    data: {
      name: `agent token ${++seq}`,
      kind: "oauth_access_token",
      providerId,
      fingerprint: fingerprintOf(issued.value),
      hint: hintOf(issued.value),
      scopes: ["inventory:read"],
      audiences: [PEER_RESOURCE],
      expiresAt: issued.expiresAt ?? null,
      ownerId: owner.ownerId ?? null,
      teamId: owner.teamId ?? null,
      source: "manual",
    },
  });
  return { credential, value: issued.value };
}

/** Is this token active at the peer, by introspection? */
export async function activeAtPeer(issuer: string, value: string): Promise<boolean> {
  const verify = CONNECTORS.oauth.capabilities.verify;
  if (!verify.supported) throw new Error("verify unsupported");
  return (await verify.run(peerContext(issuer), { value, kind: "oauth_access_token" })).active;
}

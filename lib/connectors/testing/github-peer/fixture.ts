import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { TConnectorContext } from "../../contract";
import { ZGithubConfig, ZGithubSecret } from "../../github/config";
import type { TGithubPeer } from "./server";

/**
 * An App registered with the fake (its public key), an organisation, and the App installed there:
 * what an admin sets up on github.com before adding the provider to Tokenward.
 */

type TKeyPair = { privateKeyPem: string; publicKey: KeyObject };
const keys: TKeyPair[] = [];

/** RSA 2048 in PKCS#1 PEM, the form GitHub hands out; generated once per test file (~0.1 s each). */
export function appKey(index = 0): TKeyPair {
  while (keys.length <= index) {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    keys.push({ privateKeyPem: pair.privateKey, publicKey: pair.publicKey as unknown as KeyObject });
  }
  return keys[index]!;
}

export const FULL_PERMISSIONS = { organization_personal_access_tokens: "write", organization_personal_access_token_requests: "write", members: "read", metadata: "read", contents: "write", issues: "write" };

let orgs = 0;

export function githubFixture(peer: TGithubPeer, options: { permissions?: Record<string, string>; org?: string; repos?: string[] } = {}) {
  const { world } = peer;
  const key = appKey(0);
  const app = world.createApp({ publicKey: key.publicKey, permissions: options.permissions ?? FULL_PERMISSIONS });
  const org = world.createOrg(options.org ?? `acme-${++orgs}-${app.id}`, options.repos);
  const installation = world.install(app.id, org.spec.login);
  const ctxFor = (overrides: Record<string, unknown> = {}, privateKey = key.privateKeyPem): TConnectorContext<unknown, unknown> => ({
    config: ZGithubConfig.parse({ org: org.spec.login, appId: app.id, apiBaseUrl: peer.url, ...overrides }),
    secret: ZGithubSecret.parse({ privateKey }),
    timeoutMs: 5000,
  });
  return { world, app, org, installation, key, ctx: ctxFor(), ctxFor };
}

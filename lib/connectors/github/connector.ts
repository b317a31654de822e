import { z } from "zod";
import { defineConnector, unsupported, type TCredentialRef, type TSyncItem } from "../contract";
import { ProviderError } from "../provider-error";
import { countPendingRequests } from "./access-requests";
import { call, githubSession } from "./client";
import { ZGithubConfig, ZGithubSecret, type TGithubCtx } from "./config";
import { connectionDetail, REQUESTS_PERMISSION } from "./installation";
import { orgClient } from "./org-client";
import { findPat, forbiddenPats, PAT_PERMISSION, parsePatExternalId, patCredential, patPages, verifyPat } from "./pats";
import { scopesOfPermissions } from "./permissions";
import { issueInstallationToken, revokeTokenValue, verifyTokenValue } from "./tokens";

/**
 * A GitHub organisation through a GitHub App: inventory of the fine-grained PATs that reach the
 * organisation (with expiry and last use), their revocation, access-request review
 * (access-requests.ts), and installation tokens minted on request. GitHub has no API that creates a
 * PAT, so nothing here rotates one.
 */

/** The installation is the non-human identity here; PATs belong to people, named as owners. */
function installationIdentity(client: Awaited<ReturnType<typeof orgClient>>): TSyncItem {
  const { installation, org } = client;
  return {
    kind: "identity",
    externalId: `installation:${installation.id}`,
    name: `${installation.app_slug} (GitHub App on ${org})`,
    identityKind: "app",
    metadata: { org, installationId: installation.id, appSlug: installation.app_slug, repositorySelection: installation.repository_selection, permissions: scopesOfPermissions(installation.permissions) },
  };
}

async function* syncOrg(ctx: TGithubCtx): AsyncGenerator<TSyncItem> {
  const client = await orgClient(ctx);
  if (!client.installation.permissions[PAT_PERMISSION]) throw new ProviderError("config", forbiddenPats(client.org, "read"), { retryable: false });
  yield installationIdentity(client);
  let seen = 0;
  for await (const page of patPages(client.session, client.octokit, client.org)) {
    for (const grant of page) yield patCredential(grant, client.org);
    seen += page.length;
    yield { kind: "progress", seen };
  }
  yield { kind: "progress", seen, total: seen };
  if (!client.installation.permissions[REQUESTS_PERMISSION]) {
    yield { kind: "warning", message: `Pending PAT access requests were not read: the installation lacks ${REQUESTS_PERMISSION}.` };
    return;
  }
  const pending = await countPendingRequests(client);
  if (pending > 0) yield { kind: "warning", message: `${pending} fine-grained PAT access request${pending === 1 ? " is" : "s are"} waiting for review in ${client.org}.` };
}

/**
 * POST /orgs/{org}/personal-access-tokens/{pat_id} {action: "revoke"}: the single-grant endpoint
 * answers 204 once done (the bulk one, revokePatGrants, answers 202 and acts later). The token
 * loses access to this organisation; it lives on for its owner's other resources. A grant GitHub
 * no longer lists (404) is already revoked.
 */
async function revokePat(ctx: TGithubCtx, grantId: number): Promise<void> {
  const client = await orgClient(ctx);
  try {
    await call(client.session, client.octokit, "POST /orgs/{org}/personal-access-tokens/{pat_id}", { org: client.org, pat_id: grantId, action: "revoke" }, z.undefined(), {
      forbidden: forbiddenPats(client.org, "write"),
    });
  } catch (error) {
    if (!(error instanceof ProviderError && error.status === 404)) throw error;
  }
}

/** Revokes many grants in one call per hundred: GitHub answers 202 and revokes them shortly after. */
export async function revokePatGrants(ctx: TGithubCtx, externalIds: string[]): Promise<void> {
  const ids = externalIds.map((id) => parsePatExternalId(id)?.grantId ?? NaN);
  if (ids.some((id) => Number.isNaN(id))) throw new ProviderError("config", "Every id must name a fine-grained PAT (pat:<grant id>:<token id>).", { retryable: false });
  const client = await orgClient(ctx);
  for (let i = 0; i < ids.length; i += 100) {
    await call(client.session, client.octokit, "POST /orgs/{org}/personal-access-tokens", { org: client.org, action: "revoke", pat_ids: ids.slice(i, i + 100) }, z.unknown(), {
      forbidden: forbiddenPats(client.org, "write"),
    });
  }
}

async function findGrant(ctx: TGithubCtx, credential: TCredentialRef) {
  const client = await orgClient(ctx);
  return findPat(client.session, client.octokit, client.org, credential.externalId!, credential.metadata);
}

const isPat = (credential: TCredentialRef) => parsePatExternalId(credential.externalId) !== null;

export const githubConnector = defineConnector({
  label: "GitHub organization (GitHub App)",
  description: "Fine-grained personal access tokens with access to an organization (expiry, last use, revocation, access requests) and GitHub App installation tokens, through a GitHub App installed on the organization.",
  configSchema: ZGithubConfig,
  secretSchema: ZGithubSecret,
  capabilities: {
    testConnection: { supported: true, run: async (ctx) => ({ ok: true, detail: await connectionDetail(githubSession(ctx), ctx) }) },
    sync: { supported: true, run: syncOrg },
    issue: {
      supported: true,
      run: issueInstallationToken,
      appliesTo: { kinds: ["installation_token"], otherwise: "GitHub has no API that creates a personal access token or another user's OAuth token: only GitHub App installation tokens can be issued." },
    },
    rotate: unsupported(
      "GitHub has no API that creates a personal access token: the owner creates the replacement on github.com, and Tokenward revokes the old one once the owner confirms. Installation tokens are not rotated but issued anew (they expire after an hour).",
    ),
    revoke: {
      supported: true,
      // Fine-grained PATs by id; installation, OAuth and refresh tokens only by value (DELETE
      // /installation/token, POST /credentials/revoke). A classic PAT (ghp_) also needs its value.
      appliesTo: { kinds: ["pat", "installation_token", "oauth_access_token", "oauth_refresh_token"], otherwise: "GitHub revokes personal access tokens, installation tokens and OAuth tokens; not this kind." },
      needsValue: ["installation_token", "oauth_access_token", "oauth_refresh_token"],
      run: async (ctx, credential) => {
        const pat = parsePatExternalId(credential.externalId);
        if (pat) return revokePat(ctx, pat.grantId);
        return revokeTokenValue(ctx, credential);
      },
    },
    verify: {
      supported: true,
      appliesTo: { kinds: ["pat", "installation_token"], otherwise: "GitHub answers only for fine-grained PATs (listed for the organization) and installation tokens (by calling with them)." },
      needsValue: ["installation_token"],
      run: async (ctx, credential) => (isPat(credential) ? verifyPat(await findGrant(ctx, credential), new Date()) : verifyTokenValue(ctx, credential)),
    },
    lastUsed: {
      supported: true,
      appliesTo: { kinds: ["pat"], otherwise: "GitHub reports last use only for fine-grained PATs (token_last_used_at)." },
      run: async (ctx, credential) => {
        if (!isPat(credential)) {
          throw new ProviderError("unsupported", "GitHub reports last use only for fine-grained PATs (token_last_used_at); name the PAT by its id (pat:<grant id>:<token id>).", { retryable: false });
        }
        const grant = await findGrant(ctx, credential);
        if (!grant) throw new ProviderError("http", `${ctx.config.org} no longer lists this PAT: it was revoked or deleted.`, { retryable: false, status: 404 });
        return grant.token_last_used_at;
      },
    },
  },
});

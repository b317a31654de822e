import type { Octokit } from "@octokit/core";
import { z } from "zod";
import type { TSyncedCredential, TVerification } from "../contract";
import { ProviderError } from "../provider-error";
import { call, pages, type TGithubSession } from "./client";
import { scopesOfGrouped } from "./permissions";
import { ZPatGrant, type TPatGrant } from "./schemas";

/**
 * Fine-grained PATs with access to the organisation, as GitHub lists them: one grant per token and
 * org. The credential is the grant, named `pat:<grant id>:<token id>`: the grant id is what GitHub
 * revokes (pat_id), the token id lets verify ask for exactly that token (`token_id[]` filter)
 * instead of reading every page. A PAT belongs to a person, so it carries the owner's e-mail when
 * GitHub shows it (public profile e-mail), and names no identity.
 */

export const PAT_PERMISSION = "organization_personal_access_tokens";
export const forbiddenPats = (org: string, level: "read" | "write") =>
  `The App's installation on ${org} lacks the organization permission "Personal access tokens" (${PAT_PERMISSION}: ${level}); add it in the App's settings and accept it on the installation.`;

export function patExternalId(grant: { id: number; token_id: number }): string {
  return `pat:${grant.id}:${grant.token_id}`;
}

/** `pat:<grant>:<token>`, or `pat:<grant>` from older records; null when it names no PAT. */
export function parsePatExternalId(externalId: string | undefined): { grantId: number; tokenId?: number } | null {
  const match = /^pat:(\d{1,15})(?::(\d{1,15}))?$/.exec(externalId ?? "");
  if (!match) return null;
  return { grantId: Number(match[1]), ...(match[2] ? { tokenId: Number(match[2]) } : {}) };
}

export function patCredential(grant: TPatGrant, org: string): TSyncedCredential {
  return {
    kind: "credential",
    externalId: patExternalId(grant),
    name: grant.token_name || `PAT ${grant.token_id}`,
    credentialKind: "pat",
    ...(grant.owner.email ? { ownerEmail: grant.owner.email } : {}),
    scopes: scopesOfGrouped(grant.permissions),
    // The grant is what this organisation issued: when it let the token in.
    issuedAt: grant.access_granted_at,
    ...(grant.token_expires_at ? { expiresAt: grant.token_expires_at } : {}),
    ...(grant.token_last_used_at ? { lastUsedAt: grant.token_last_used_at } : {}),
    metadata: {
      org,
      patId: grant.id,
      tokenId: grant.token_id,
      ownerLogin: grant.owner.login,
      ownerId: grant.owner.id,
      repositorySelection: grant.repository_selection,
      permissions: grant.permissions,
      tokenExpired: grant.token_expired,
    },
  };
}

const ZPatPage = z.array(ZPatGrant);

/** Every grant, a page (≤ 100) at a time, oldest first so grants approved mid-sync only append. */
export function patPages(session: TGithubSession, octokit: Octokit, org: string) {
  return pages(session, octokit, "GET /orgs/{org}/personal-access-tokens", { org, per_page: 100, direction: "asc" }, ZPatPage, { forbidden: forbiddenPats(org, "read") });
}

/**
 * One grant by its external id: one filtered request when the token id is known (from the id, or
 * the metadata the last sync stored), else a walk through the pages.
 */
export async function findPat(session: TGithubSession, octokit: Octokit, org: string, externalId: string, metadata?: Record<string, unknown>): Promise<TPatGrant | null> {
  const ref = parsePatExternalId(externalId);
  if (!ref) throw new ProviderError("config", `"${externalId}" does not name a fine-grained PAT of this connector (pat:<grant id>:<token id>).`, { retryable: false });
  const tokenId = ref.tokenId ?? (typeof metadata?.tokenId === "number" ? metadata.tokenId : undefined);
  if (tokenId !== undefined) {
    const { data } = await call(session, octokit, "GET /orgs/{org}/personal-access-tokens", { org, per_page: 100, "token_id[]": String(tokenId) }, ZPatPage, { forbidden: forbiddenPats(org, "read") });
    return data.find((g) => g.id === ref.grantId) ?? null;
  }
  for await (const page of patPages(session, octokit, org)) {
    const hit = page.find((g) => g.id === ref.grantId);
    if (hit) return hit;
  }
  return null;
}

export function verifyPat(grant: TPatGrant | null, now: Date): TVerification {
  if (!grant) return { active: false, scopes: [], audience: [] };
  const expired = grant.token_expired || (grant.token_expires_at !== null && grant.token_expires_at <= now);
  return {
    active: !expired,
    scopes: scopesOfGrouped(grant.permissions),
    audience: [],
    ...(grant.token_expires_at ? { expiresAt: grant.token_expires_at } : {}),
    subject: grant.owner.login,
  };
}

import { z } from "zod";
import { requireValue, type TCredentialRef, type TIssuedCredential, type TIssueRequest, type TVerification } from "../contract";
import { ProviderError } from "../provider-error";
import { call, githubSession } from "./client";
import type { TGithubCtx } from "./config";
import { mintInstallationToken, resolveInstallation } from "./installation";
import { scopesOfPermissions, tokenRequestOf } from "./permissions";
import { ZInstallationRepositories } from "./schemas";

/**
 * Installation tokens, which Tokenward can mint, and tokens known only by value. GitHub has no
 * introspection for installation tokens: a call made with one says whether it is live, and which
 * repositories it reaches, but not its permissions or expiry — those come from what Tokenward
 * recorded when it issued the token (`TCredentialRef.recorded`), and verify says so.
 */

/** Prefixes of GitHub tokens that POST /credentials/revoke accepts (and that are not installation tokens). */
const REVOCABLE_BY_VALUE = /^(ghp_|github_pat_|gho_|ghu_|ghr_)/;
const INSTALLATION_TOKEN = /^ghs_/;

/** `request.subject`: an installation id, bare or as "installation:<id>". */
function installationSubject(subject: string | undefined): number | undefined {
  if (subject === undefined || subject.trim() === "") return undefined;
  const match = /^(?:installation:)?(\d{1,15})$/.exec(subject.trim());
  if (!match) throw new ProviderError("config", `The subject "${subject.slice(0, 60)}" is not a GitHub App installation id.`, { retryable: false });
  return Number(match[1]);
}

export async function issueInstallationToken(ctx: TGithubCtx, request: TIssueRequest): Promise<TIssuedCredential> {
  const body = tokenRequestOf(request.scopes);
  const session = githubSession(ctx);
  const installation = await resolveInstallation(session, ctx, installationSubject(request.subject) ?? ctx.config.installationId);
  const token = await mintInstallationToken(session, installation.id, body);
  return {
    value: token.token,
    tokenType: "bearer",
    // What GitHub granted, as it says in the answer; without a permissions body, the installation's.
    scopes: scopesOfPermissions(token.permissions ?? installation.permissions),
    expiresAt: token.expires_at,
  };
}

export async function verifyTokenValue(ctx: TGithubCtx, credential: TCredentialRef): Promise<TVerification> {
  const value = requireValue(credential, "verify an installation token (GitHub lists PATs by id: sync them)");
  if (REVOCABLE_BY_VALUE.test(value)) {
    throw new ProviderError("config", "GitHub cannot verify a personal or OAuth token by its value for the organization: verify a fine-grained PAT by its id (sync it).", { retryable: false });
  }
  const session = githubSession(ctx);
  try {
    const { data } = await call(session, session.withToken(value), "GET /installation/repositories", { per_page: 100 }, ZInstallationRepositories);
    return {
      active: true,
      scopes: credential.recorded?.scopes ?? [],
      // The repositories the token reaches, when it was limited to some: GitHub's own answer.
      audience: data.repository_selection === "selected" ? data.repositories.map((r) => r.full_name) : [],
      ...(credential.recorded?.expiresAt ? { expiresAt: credential.recorded.expiresAt } : {}),
      fromRecord: ["scopes", "expiresAt"],
    };
  } catch (error) {
    // 401 Bad credentials: revoked, expired, or never GitHub's.
    if (error instanceof ProviderError && error.status === 401) return { active: false, scopes: [], audience: [] };
    throw error;
  }
}

/**
 * By value: an installation token revokes itself (DELETE /installation/token, authenticated with
 * it; 401 means it is already dead); any other GitHub token goes to POST /credentials/revoke, the
 * unauthenticated endpoint for credentials found exposed (202: GitHub revokes it and tells the owner).
 */
export async function revokeTokenValue(ctx: TGithubCtx, credential: TCredentialRef): Promise<void> {
  const value = requireValue(credential, "revoke it");
  const session = githubSession(ctx);
  if (INSTALLATION_TOKEN.test(value) || credential.kind === "installation_token") {
    try {
      await call(session, session.withToken(value), "DELETE /installation/token", {}, z.undefined());
    } catch (error) {
      if (!(error instanceof ProviderError && error.status === 401)) throw error;
    }
    return;
  }
  if (!REVOCABLE_BY_VALUE.test(value)) {
    throw new ProviderError("config", "Not a GitHub token Tokenward can revoke by value (ghs_, ghp_, github_pat_, gho_, ghu_ or ghr_).", { retryable: false });
  }
  try {
    await call(session, session.anonymous(), "POST /credentials/revoke", { credentials: [value] }, z.unknown());
  } catch (error) {
    // GitHub Enterprise Server's API has no /credentials/revoke (not in its 3.17–3.19 descriptions).
    if (error instanceof ProviderError && error.status === 404) {
      throw new ProviderError("unsupported", `${session.host} has no POST /credentials/revoke (GitHub Enterprise Server does not offer it): the token's owner must revoke it in their settings.`, {
        retryable: false,
        status: 404,
        providerMessage: error.providerMessage,
      });
    }
    throw error;
  }
}

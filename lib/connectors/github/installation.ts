import { z } from "zod";
import { ProviderError } from "../provider-error";
import { call, type TGithubSession } from "./client";
import type { TGithubCtx } from "./config";
import { scopesOfPermissions } from "./permissions";
import { PAT_PERMISSION } from "./pats";
import { ZApp, ZInstallation, ZInstallationToken, type TInstallation } from "./schemas";

/**
 * The App's installation on the organisation: named in the config, or found with the App JWT.
 * Either way it must be this organisation's, or tokens would be minted for someone else's.
 */

export const REQUESTS_PERMISSION = "organization_personal_access_token_requests";

function ensureOrg(installation: TInstallation, org: string): TInstallation {
  const account = installation.account?.login;
  if (!account || account.toLowerCase() !== org.toLowerCase()) {
    throw new ProviderError("config", `Installation ${installation.id} belongs to ${account ?? "no account"}, not to ${org}.`, { retryable: false });
  }
  if (installation.suspended_at) throw new ProviderError("config", `The App's installation on ${org} is suspended (since ${installation.suspended_at}).`, { retryable: false });
  return installation;
}

export async function resolveInstallation(session: TGithubSession, ctx: TGithubCtx, installationId = ctx.config.installationId): Promise<TInstallation> {
  const { org, appId } = ctx.config;
  try {
    if (installationId !== undefined) {
      const { data } = await call(session, session.app, "GET /app/installations/{installation_id}", { installation_id: installationId }, ZInstallation);
      return ensureOrg(data, org);
    }
    const { data } = await call(session, session.app, "GET /orgs/{org}/installation", { org }, ZInstallation);
    return ensureOrg(data, org);
  } catch (error) {
    if (error instanceof ProviderError && error.status === 404) {
      const what = installationId !== undefined ? `App ${appId} has no installation ${installationId}` : `App ${appId} is not installed on ${org}`;
      throw new ProviderError("config", `${what} (GitHub answered 404): install the App on the organization, or correct the ids.`, { retryable: false, status: 404, providerMessage: error.providerMessage });
    }
    throw error;
  }
}

/** An installation token (201): with no body, it carries every permission of the installation. */
export async function mintInstallationToken(session: TGithubSession, installationId: number, body: { permissions?: Record<string, string>; repositories?: string[] } = {}) {
  const { data } = await call(session, session.app, "POST /app/installations/{installation_id}/access_tokens", { installation_id: installationId, ...body }, ZInstallationToken);
  return data;
}

const LEVEL_WORDS: Record<string, string> = { read: "read", write: "read and write" };

/** What the admin should know before relying on this provider, as the connection test's detail. */
function permissionWarnings(permissions: Record<string, string>): string[] {
  const warnings: string[] = [];
  const pats = permissions[PAT_PERMISSION];
  if (pats !== "write") {
    warnings.push(
      pats === "read"
        ? `"Personal access tokens" is read-only (${PAT_PERMISSION}: read): fine-grained PATs sync but cannot be revoked.`
        : `No "Personal access tokens" permission (${PAT_PERMISSION}): fine-grained PATs can neither be synced nor revoked; grant read and write.`,
    );
  }
  if (permissions[REQUESTS_PERMISSION] !== "write") {
    warnings.push(`"Personal access token requests" is ${LEVEL_WORDS[permissions[REQUESTS_PERMISSION] ?? ""] ?? "not granted"} (${REQUESTS_PERMISSION}): pending requests cannot be ${permissions[REQUESTS_PERMISSION] === "read" ? "approved or denied" : "listed or reviewed"}.`);
  }
  return warnings;
}

/**
 * App JWT → GET /app; the installation; then an installation token is minted and revoked at once
 * (DELETE /installation/token with it), which proves the whole chain and leaves nothing live.
 */
export async function connectionDetail(session: TGithubSession, ctx: TGithubCtx): Promise<string> {
  const { data: app } = await call(session, session.app, "GET /app", {}, ZApp);
  const installation = await resolveInstallation(session, ctx);
  const token = await mintInstallationToken(session, installation.id);
  await call(session, session.withToken(token.token), "DELETE /installation/token", {}, z.undefined());
  const permissions = scopesOfPermissions(installation.permissions);
  const warnings = permissionWarnings(installation.permissions);
  return [
    `GitHub App "${app.name}" (id ${app.id}) is installed on ${ctx.config.org} as installation ${installation.id} (${installation.repository_selection === "all" ? "all repositories" : "selected repositories"}).`,
    `Permissions: ${permissions.length > 0 ? permissions.join(", ") : "none"}.`,
    "An installation token was minted and revoked.",
    ...warnings.map((w) => `Warning: ${w}`),
  ].join(" ");
}

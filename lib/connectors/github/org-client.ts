import type { Octokit } from "@octokit/core";
import { githubSession, type TGithubSession } from "./client";
import type { TGithubCtx } from "./config";
import { resolveInstallation } from "./installation";
import type { TInstallation } from "./schemas";

/** A session acting as the App's installation on the organisation: what PAT management needs. */
export type TOrgClient = { session: TGithubSession; octokit: Octokit; installation: TInstallation; org: string };

export async function orgClient(ctx: TGithubCtx): Promise<TOrgClient> {
  const session = githubSession(ctx);
  const installation = await resolveInstallation(session, ctx);
  return { session, octokit: session.installation(installation.id), installation, org: ctx.config.org };
}

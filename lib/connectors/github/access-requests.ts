import { z } from "zod";
import { call, pages } from "./client";
import type { TGithubCtx } from "./config";
import { REQUESTS_PERMISSION } from "./installation";
import { orgClient, type TOrgClient } from "./org-client";
import { scopesOfGrouped } from "./permissions";
import { ZPatRequest, type TPatRequest } from "./schemas";

/**
 * Requests by members for a fine-grained PAT to reach the organisation, waiting for an owner's
 * decision. Not credentials yet (the token has no access until approved), so sync only counts
 * them; these functions list them and approve or deny one — GitHub records the reason given.
 */

export type TPatAccessRequest = {
  id: number;
  tokenId: number;
  tokenName: string;
  owner: { login: string; id: number; email?: string };
  reason: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  tokenExpired: boolean;
  repositorySelection: "none" | "all" | "subset";
  scopes: string[];
};

const forbiddenRequests = (org: string, level: "read" | "write") =>
  `The App's installation on ${org} lacks the organization permission "Personal access token requests" (${REQUESTS_PERMISSION}: ${level}).`;

function toRequest(r: TPatRequest): TPatAccessRequest {
  return {
    id: r.id,
    tokenId: r.token_id,
    tokenName: r.token_name,
    owner: { login: r.owner.login, id: r.owner.id, ...(r.owner.email ? { email: r.owner.email } : {}) },
    reason: r.reason,
    createdAt: r.created_at,
    expiresAt: r.token_expires_at,
    lastUsedAt: r.token_last_used_at,
    tokenExpired: r.token_expired,
    repositorySelection: r.repository_selection,
    scopes: scopesOfGrouped(r.permissions),
  };
}

const ZRequestPage = z.array(ZPatRequest);

/** Every pending request, oldest first, a page at a time. */
export async function* listPatAccessRequests(ctx: TGithubCtx): AsyncGenerator<TPatAccessRequest> {
  const client = await orgClient(ctx);
  const route = "GET /orgs/{org}/personal-access-token-requests";
  for await (const page of pages(client.session, client.octokit, route, { org: client.org, per_page: 100, direction: "asc" }, ZRequestPage, { forbidden: forbiddenRequests(client.org, "read") })) {
    yield* page.map(toRequest);
  }
}

/** How many requests wait, in one call: one per page, so the `last` page number is the count. */
export async function countPendingRequests(client: TOrgClient): Promise<number> {
  const { data, headers } = await call(client.session, client.octokit, "GET /orgs/{org}/personal-access-token-requests", { org: client.org, per_page: 1 }, ZRequestPage, {
    forbidden: forbiddenRequests(client.org, "read"),
  });
  const last = typeof headers.link === "string" ? /[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(headers.link) : null;
  return last ? Number(last[1]) : data.length;
}

export async function reviewPatAccessRequest(ctx: TGithubCtx, requestId: number, decision: { action: "approve" | "deny"; reason?: string }): Promise<void> {
  const client = await orgClient(ctx);
  await call(
    client.session,
    client.octokit,
    "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}",
    { org: client.org, pat_request_id: requestId, action: decision.action, ...(decision.reason ? { reason: decision.reason.slice(0, 1024) } : {}) },
    z.undefined(),
    { forbidden: forbiddenRequests(client.org, "write") },
  );
}

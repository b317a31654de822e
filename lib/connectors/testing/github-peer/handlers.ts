import { authenticateApp, authenticateInstallation, covers, requireOrgPermission, type TFailure } from "./auth";
import { error, installation, integration, patGrant, patRequest, repository, type TPatSpec } from "./objects";
import type { TServedOperation } from "./spec";
import type { TMatched } from "./validator";
import type { GithubWorld } from "./world";

/**
 * What the fake does for each operation it serves. Handlers see a request that already passed
 * the OpenAPI check; what they answer is checked again before it leaves (server.ts).
 */

export type TResult = { status: number; body?: unknown; headers?: Record<string, string> };
export type THandlerContext = { world: GithubWorld; matched: TMatched; authorization: string | undefined; api: string; url: URL };

const failed = (f: TFailure): TResult => ({ status: f.status, body: f.body });
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/** GitHub's page-number pagination: at most 100 per page, Link with next/last and prev/first. */
function paginate<T>(c: THandlerContext, items: { total: number; page: (page: number, perPage: number) => T[] }): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(c.matched.query.per_page ?? 30), 100);
  const page = Math.max(Number(c.matched.query.page ?? 1), 1);
  const last = Math.max(Math.ceil(items.total / perPage), 1);
  const link = (p: number, rel: string) => {
    const url = new URL(c.url);
    url.searchParams.set("page", String(p));
    return `<${url.href}>; rel="${rel}"`;
  };
  const rels = [...(page > 1 ? [link(page - 1, "prev")] : []), ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []), ...(page > 1 ? [link(1, "first")] : [])];
  return { items: items.page(page, perPage), headers: rels.length > 0 ? { link: rels.join(", ") } : {} };
}

function asList(values: unknown): string[] {
  if (values === undefined) return [];
  return (Array.isArray(values) ? values : [values]).map(String);
}

const HANDLERS: Record<TServedOperation, (c: THandlerContext) => TResult> = {
  "apps/get-authenticated": (c) => {
    const auth = authenticateApp(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const app = c.world.apps.get(auth.value.appId)!.spec;
    const count = [...c.world.installations.values()].filter((i) => i.appId === app.id).length;
    return { status: 200, body: integration(c.api, app, count) };
  },
  "apps/get-org-installation": (c) => {
    const auth = authenticateApp(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const inst = c.world.installationOf(auth.value.appId, c.matched.params.org!);
    if (!inst) return { status: 404, body: error(404, "Not Found") };
    return { status: 200, body: installation(c.api, inst, c.world.apps.get(inst.appId)!.spec) };
  },
  "apps/get-installation": (c) => {
    const auth = authenticateApp(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const inst = c.world.installations.get(Number(c.matched.params.installation_id));
    if (!inst || inst.appId !== auth.value.appId) return { status: 404, body: error(404, "Not Found") };
    return { status: 200, body: installation(c.api, inst, c.world.apps.get(inst.appId)!.spec) };
  },
  "apps/create-installation-access-token": (c) => {
    const auth = authenticateApp(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const inst = c.world.installations.get(Number(c.matched.params.installation_id));
    if (!inst || inst.appId !== auth.value.appId) return { status: 404, body: error(404, "Not Found") };
    const body = (c.matched.body ?? {}) as { permissions?: Record<string, string>; repositories?: string[]; repository_ids?: number[] };
    const wanted = body.permissions ?? inst.permissions;
    if (Object.entries(wanted).some(([name, level]) => !covers(inst.permissions[name], level))) {
      return { status: 422, body: { message: "The permissions requested are not granted to this installation.", documentation_url: "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app" } };
    }
    const org = c.world.org(inst.org.login)!;
    const names = [...(body.repositories ?? []), ...(body.repository_ids ?? []).map((id) => org.repos.find((r) => r.id === id)?.name ?? `#${id}`)];
    const missing = names.filter((n) => !org.repos.some((r) => r.name === n));
    if (missing.length > 0) {
      return { status: 422, body: { message: "There is at least one repository that does not exist or is not accessible to the parent installation.", documentation_url: "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app" } };
    }
    const selected = names.length > 0 ? names : null;
    const minted = c.world.mintInstallationToken(inst.id, wanted, selected);
    return {
      status: 201,
      body: {
        token: minted.token,
        expires_at: iso(minted.expiresAt),
        permissions: wanted,
        repository_selection: selected ? "selected" : inst.repositorySelection,
        ...(selected ? { repositories: org.repos.filter((r) => selected.includes(r.name)).map((r) => repository(c.api, org.spec, r.name, r.id)) } : {}),
      },
    };
  },
  "apps/list-repos-accessible-to-installation": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = c.world.org(auth.value.installation.org.login)!;
    const repos = org.repos.filter((r) => auth.value.grant.repositories === null || auth.value.grant.repositories.includes(r.name));
    const page = paginate(c, { total: repos.length, page: (p, n) => repos.slice((p - 1) * n, p * n) });
    return {
      status: 200,
      headers: page.headers,
      body: { total_count: repos.length, repository_selection: auth.value.grant.repositories ? "selected" : auth.value.installation.repositorySelection, repositories: page.items.map((r) => repository(c.api, org.spec, r.name, r.id)) },
    };
  },
  "apps/revoke-installation-access-token": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    auth.value.grant.revoked = true;
    return { status: 204 };
  },
  "credentials/revoke": (c) => {
    // GitHub: "Any authenticated requests will return a 403."
    if (c.authorization) return { status: 403, body: error(403, "This endpoint does not accept authenticated requests.") };
    for (const value of (c.matched.body as { credentials: string[] }).credentials) c.world.killPat(value);
    return { status: 202, body: {} };
  },
  "orgs/list-pat-grants": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = requireOrgPermission(c.world, auth.value, c.matched.params.org!, "organization_personal_access_tokens", "read");
    if (!org.ok) return failed(org.failure);
    const direction = c.matched.query.direction === "asc" ? "asc" : "desc";
    const tokenIds = asList(c.matched.query.token_id).map(Number);
    const owners = asList(c.matched.query.owner).map((o) => o.toLowerCase());
    const pats = org.value.pats;
    let source: { total: number; page: (p: number, n: number) => TPatSpec[] };
    if (tokenIds.length > 0 || owners.length > 0) {
      const hits = pats.filter((p) => (tokenIds.length === 0 || tokenIds.includes(p.tokenId)) && (owners.length === 0 || owners.includes(p.owner.login.toLowerCase())), direction);
      source = { total: hits.length, page: (p, n) => hits.slice((p - 1) * n, p * n) };
    } else source = { total: pats.size, page: (p, n) => pats.page(p, n, direction) };
    const page = paginate(c, source);
    const now = c.world.now();
    return { status: 200, headers: page.headers, body: page.items.map((p) => patGrant(c.api, org.value.spec.login, p, now)) };
  },
  "orgs/update-pat-accesses": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = requireOrgPermission(c.world, auth.value, c.matched.params.org!, "organization_personal_access_tokens", "write");
    if (!org.ok) return failed(org.failure);
    const ids = (c.matched.body as { pat_ids: number[] }).pat_ids;
    if (ids.some((id) => !org.value.pats.get(id))) return { status: 404, body: error(404, "Not Found") };
    // 202 Accepted: GitHub revokes later (world.bulkRevokeDelayMs, or when a test settles it).
    c.world.scheduleBulkRevoke(org.value, ids);
    return { status: 202, body: {} };
  },
  "orgs/update-pat-access": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = requireOrgPermission(c.world, auth.value, c.matched.params.org!, "organization_personal_access_tokens", "write");
    if (!org.ok) return failed(org.failure);
    if (!org.value.pats.remove(Number(c.matched.params.pat_id))) return { status: 404, body: error(404, "Not Found") };
    return { status: 204 };
  },
  "orgs/list-pat-grant-requests": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = requireOrgPermission(c.world, auth.value, c.matched.params.org!, "organization_personal_access_token_requests", "read");
    if (!org.ok) return failed(org.failure);
    const all = [...org.value.requests.values()].sort((a, b) => (c.matched.query.direction === "asc" ? a.requestId - b.requestId : b.requestId - a.requestId));
    const page = paginate(c, { total: all.length, page: (p, n) => all.slice((p - 1) * n, p * n) });
    const now = c.world.now();
    return { status: 200, headers: page.headers, body: page.items.map((r) => patRequest(c.api, org.value.spec.login, r, now)) };
  },
  "orgs/review-pat-grant-request": (c) => {
    const auth = authenticateInstallation(c.world, c.authorization);
    if (!auth.ok) return failed(auth.failure);
    const org = requireOrgPermission(c.world, auth.value, c.matched.params.org!, "organization_personal_access_token_requests", "write");
    if (!org.ok) return failed(org.failure);
    const id = Number(c.matched.params.pat_request_id);
    if (!org.value.requests.has(id)) return { status: 404, body: error(404, "Not Found") };
    const { action, reason } = c.matched.body as { action: "approve" | "deny"; reason?: string | null };
    if (action === "approve") c.world.approve(org.value, id);
    else org.value.requests.delete(id);
    c.world.reviews.push({ org: org.value.spec.login, requestId: id, action, reason: reason ?? null });
    return { status: 204 };
  },
};

export function handle(c: THandlerContext): TResult {
  return HANDLERS[c.matched.operationId](c);
}

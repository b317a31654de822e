import "server-only";
import { isOrphaned } from "@/lib/inventory/orphaned";
import { FACTOR_LIST } from "@/lib/risk/factors/registry";
import { classifyScopes } from "@/lib/scopes/classify";
import { isAutoRefreshing } from "@/lib/inventory/auto-refresh";
import type { TActor } from "@/lib/auth/actor";
import { prismaReader, type TSqlReader } from "@/lib/db/sql-reader";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { credentialScope } from "@/lib/auth/resource-scope";
import { effectiveStatus } from "@/lib/inventory/effective-status";
import { buildCountQueries, buildListQuery, EXACT_COUNT_LIMIT, planRows, SqlParams, type TViewer } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import type { TCredentialFilter, TCredentialListQuery } from "@/lib/inventory/query-params";
import { nodeId, TopologyBuilder, type TTopology } from "@/lib/inventory/topology";
import { mayReadPeople, personFor } from "@/lib/users/visibility";
import type {
  TBindingView,
  TCredentialCount,
  TCredentialDetail,
  TCredentialPage,
  TFilterOptions,
} from "@/lib/inventory/types";

/** Reads of the credential inventory. Each takes the client, so routes, pages and tests share them. */

type TRawExecutor = Pick<PrismaClient, "$queryRawUnsafe">;

/** One keyset page as the API's JSON body (built by PostgreSQL: the route relays it untouched). */
export async function listCredentialsBody(read: TSqlReader, query: TCredentialListQuery, now = new Date(), viewer?: TViewer): Promise<string> {
  const plan = buildListQuery(query, now, viewer, await resolveFilter(read, query));
  const [row] = await read<{ body: string }>(plan.text, plan.values);
  return row?.body ?? JSON.stringify({ items: [], nextCursor: null, prevCursor: null } satisfies TCredentialPage);
}

/** One keyset page, parsed (server components, tests). */
export async function listCredentials(prisma: TRawExecutor, query: TCredentialListQuery, now = new Date(), viewer?: TViewer): Promise<TCredentialPage> {
  return JSON.parse(await listCredentialsBody(prismaReader(prisma), query, now, viewer)) as TCredentialPage;
}

/** Above this planner estimate the bounded exact count is not even tried. */
const ESTIMATE_ONLY_ABOVE = EXACT_COUNT_LIMIT * 5;

/**
 * Exact when at most EXACT_COUNT_LIMIT rows match (a count bounded by LIMIT, so it stops there);
 * otherwise the planner's estimate, labelled as such. Never a count(*) over the whole table.
 */
export async function countCredentials(prisma: TRawExecutor, filter: TCredentialFilter, now = new Date(), viewer?: TViewer): Promise<TCredentialCount> {
  const { estimate, bounded } = buildCountQueries(filter, now, viewer, await resolveFilter(prismaReader(prisma), filter));
  const estimated = planRows(await prisma.$queryRawUnsafe<Record<string, unknown>[]>(estimate.text, ...estimate.values));
  if (estimated > ESTIMATE_ONLY_ABOVE) return { value: estimated, precision: "estimate" };
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(bounded.text, ...bounded.values);
  const n = Number(row?.n ?? 0);
  if (n <= EXACT_COUNT_LIMIT) return { value: n, precision: "exact" };
  return estimated > EXACT_COUNT_LIMIT ? { value: estimated, precision: "estimate" } : { value: EXACT_COUNT_LIMIT, precision: "atLeast" };
}

/** The choices of the filter bar: small tables, read whole. */
export async function getFilterOptions(prisma: PrismaClient, actor: Pick<TActor, "role">): Promise<TFilterOptions> {
  const directory = mayReadPeople(actor);
  const [providers, teams, users] = await Promise.all([
    prisma.provider.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    directory
      ? prisma.user.findMany({ select: { id: true, name: true, email: true, active: true }, orderBy: [{ active: "desc" }, { name: "asc" }] })
      : prisma.user.findMany({ where: { active: true }, select: { id: true, name: true, active: true }, orderBy: { name: "asc" } }),
  ]);
  return { providers, teams, users, factors: FACTOR_LIST.map((f) => ({ id: f.id, name: f.title })) };
}

// ---------------------------------------------------------------------------------------------
// Credential detail
// ---------------------------------------------------------------------------------------------

const DETAIL_BINDINGS = 100;
const DETAIL_EXPOSURES = 50;
/** Upstream edges drawn per MCP server this credential is presented to. */
const UPSTREAMS_PER_SERVER = 6;

const iso = (d: Date) => d.toISOString();
const isoN = (d: Date | null) => (d ? d.toISOString() : null);

/** The detail page's data; `readAt` is when it was read (the page's "now" for countdowns). */
export async function getCredentialDetail(prisma: PrismaClient, id: string, viewer: Pick<TActor, "role">): Promise<{ detail: TCredentialDetail; topology: TTopology; readAt: number } | null> {
  const c = await prisma.credential.findUnique({
    where: { id },
    select: {
      id: true, name: true, kind: true, status: true, environment: true, source: true, externalId: true, fingerprint: true, hint: true,
      scopes: true, usedScopes: true, audiences: true, issuedAt: true, expiresAt: true, lastUsedAt: true, lastRotatedAt: true,
      createdAt: true, updatedAt: true, exposureCount: true, consumerCount: true,
      risk: { select: { score: true, level: true, scoredAt: true, policyVersion: true, frameworks: true } },
      provider: { select: { id: true, name: true, type: true, sensitivity: true } },
      identity: { select: { id: true, name: true, kind: true, environment: true, teamId: true, owner: { select: { active: true } } } },
      owner: { select: { id: true, name: true, email: true, active: true } },
      team: { select: { id: true, name: true } },
      refreshCredential: { select: { id: true, name: true, status: true, expiresAt: true } },
    },
  });
  if (!c) return null;
  const readAt = new Date();

  const [bindings, bindingsTotal, exposures] = await Promise.all([
    prisma.binding.findMany({
      where: { credentialId: id },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: DETAIL_BINDINGS,
      select: {
        id: true, audience: true, environment: true, firstSeenAt: true, lastSeenAt: true,
        holderIdentity: { select: { id: true, name: true, kind: true } },
        holderMcpServer: { select: { id: true, name: true, transport: true } },
        targetMcpServer: { select: { id: true, name: true, resourceUri: true, transport: true } },
        targetProvider: { select: { id: true, name: true, type: true } },
      },
    }),
    prisma.binding.count({ where: { credentialId: id } }),
    prisma.exposure.findMany({
      where: { credentialId: id },
      orderBy: [{ resolvedAt: { sort: "desc", nulls: "first" } }, { detectedAt: "desc" }],
      take: DETAIL_EXPOSURES,
    }),
  ]);

  const bindingViews: TBindingView[] = bindings.map((b) => ({
    id: b.id,
    holder: b.holderIdentity
      ? { kind: "identity", id: b.holderIdentity.id, name: b.holderIdentity.name, detail: b.holderIdentity.kind }
      : b.holderMcpServer
        ? { kind: "server", id: b.holderMcpServer.id, name: b.holderMcpServer.name, detail: b.holderMcpServer.transport }
        : null,
    target: b.targetMcpServer
      ? { kind: "server", id: b.targetMcpServer.id, name: b.targetMcpServer.name }
      : b.targetProvider
        ? { kind: "provider", id: b.targetProvider.id, name: b.targetProvider.name }
        : null,
    audience: b.audience,
    environment: b.environment,
    firstSeenAt: iso(b.firstSeenAt),
    lastSeenAt: iso(b.lastSeenAt),
  }));

  const topology = await credentialTopology(prisma, c.provider, bindings);

  const detail: TCredentialDetail = {
    id: c.id, name: c.name, kind: c.kind, status: effectiveStatus(c.status, c.expiresAt, readAt), environment: c.environment, source: c.source,
    externalId: c.externalId, fingerprint: c.fingerprint, hint: c.hint,
    scopes: c.scopes, usedScopes: c.usedScopes, audiences: c.audiences,
    scopeGrants: classifyScopes(c.provider.type, c.scopes).map((g) => ({ ...g })),
    provider: { id: c.provider.id, name: c.provider.name, type: c.provider.type, sensitivity: c.provider.sensitivity },
    identity: c.identity && { id: c.identity.id, name: c.identity.name, kind: c.identity.kind, environment: c.identity.environment },
    owner: c.owner && personFor(viewer, c.owner), team: c.team,
    issuedAt: isoN(c.issuedAt), expiresAt: isoN(c.expiresAt), lastUsedAt: isoN(c.lastUsedAt), lastRotatedAt: isoN(c.lastRotatedAt),
    refreshedBy: c.refreshCredential && { id: c.refreshCredential.id, name: c.refreshCredential.name },
    autoRefresh: isAutoRefreshing(c, c.refreshCredential, readAt),
    orphaned: isOrphaned(c, c.identity && { owner: c.identity.owner, team: c.identity.teamId }),
    createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt),
    riskScore: c.risk?.score ?? 0, riskLevel: c.risk?.level ?? "none", riskScoredAt: isoN(c.risk?.scoredAt ?? null),
    riskPolicyVersion: c.risk?.policyVersion ?? null, riskFrameworks: c.risk?.frameworks ?? [],
    exposureCount: c.exposureCount, consumerCount: c.consumerCount,
    bindings: bindingViews, bindingsTotal,
    exposures: exposures.map((e) => ({
      id: e.id, locationKind: e.locationKind, location: e.location, repository: e.repository, line: e.line, detector: e.detector,
      detectedAt: iso(e.detectedAt), resolvedAt: isoN(e.resolvedAt),
    })),
  };
  return { detail, topology, readAt: readAt.getTime() };
}

type TTopologyBinding = {
  id: string;
  audience: string | null;
  holderIdentity: { id: string; name: string; kind: string } | null;
  holderMcpServer: { id: string; name: string; transport: string } | null;
  targetMcpServer: { id: string; name: string; resourceUri: string | null; transport: string } | null;
  targetProvider: { id: string; name: string; type: string } | null;
};

/**
 * holder → (MCP server →) provider. This credential's edges are highlighted; for every MCP server it
 * is presented to, the server's own upstream edges (other credentials) are drawn as context, so a
 * reader sees whether the server uses its own credential upstream or forwards this one.
 */
async function credentialTopology(prisma: PrismaClient, provider: { id: string; name: string; type: string }, bindings: TTopologyBinding[]): Promise<TTopology> {
  const g = new TopologyBuilder();
  const providerNode = (p: { id: string; name: string; type: string }) =>
    g.node({ id: nodeId.provider(p.id), kind: "provider", label: p.name, detail: p.type, href: `/inventory?provider=${p.id}` });
  providerNode(provider);
  const servers = new Set<string>();
  for (const b of bindings) {
    const source = b.holderIdentity
      ? g.node({ id: nodeId.identity(b.holderIdentity.id), kind: "identity", label: b.holderIdentity.name, detail: b.holderIdentity.kind, href: `/identities/${b.holderIdentity.id}` })
      : b.holderMcpServer
        ? g.node({ id: nodeId.server(b.holderMcpServer.id), kind: "server", label: b.holderMcpServer.name, detail: b.holderMcpServer.transport, href: `/mcp-servers/${b.holderMcpServer.id}` })
        : null;
    let target: string | null = null;
    if (b.targetMcpServer) {
      servers.add(b.targetMcpServer.id);
      target = g.node({ id: nodeId.server(b.targetMcpServer.id), kind: "server", label: b.targetMcpServer.name, detail: b.targetMcpServer.resourceUri ?? b.targetMcpServer.transport, href: `/mcp-servers/${b.targetMcpServer.id}` });
    } else if (b.targetProvider) {
      target = providerNode(b.targetProvider);
    }
    if (source && target) g.edge({ source, target, label: b.audience ?? undefined, highlighted: true });
  }
  if (servers.size > 0) {
    const upstream = await prisma.$queryRawUnsafe<{ server_id: string; provider_id: string; provider_name: string; provider_type: string }[]>(
      `SELECT DISTINCT ON (b.holder_mcp_server_id, b.target_provider_id)
              b.holder_mcp_server_id AS server_id, p.id AS provider_id, p.name AS provider_name, p.type AS provider_type
         FROM bindings b JOIN providers p ON p.id = b.target_provider_id
        WHERE b.holder_mcp_server_id = ANY($1::uuid[])
        ORDER BY b.holder_mcp_server_id, b.target_provider_id
        LIMIT ${UPSTREAMS_PER_SERVER * 20}`,
      [...servers],
    );
    for (const u of upstream) {
      const target = providerNode({ id: u.provider_id, name: u.provider_name, type: u.provider_type });
      g.edge({ source: nodeId.server(u.server_id), target, label: "server's own credential", context: true });
    }
  }
  return g.build();
}

// ---------------------------------------------------------------------------------------------
// "My credentials": what an owner owns and what is wrong with it, in one indexed pass.
// ---------------------------------------------------------------------------------------------

export type TOwnedSummary = {
  total: number;
  active: number;
  highRisk: number;
  expiring30: number;
  neverExpires: number;
  stale: number;
  exposed: number;
  shared: number;
};

export async function summarizeOwned(prisma: TRawExecutor, viewer: TViewer, now: Date, staleDays: number): Promise<TOwnedSummary> {
  const p = new SqlParams();
  p.add(now.toISOString(), "timestamp(3)");
  p.add(new Date(now.getTime() + 30 * 86_400_000).toISOString(), "timestamp(3)");
  p.add(new Date(now.getTime() - staleDays * 86_400_000).toISOString(), "timestamp(3)");
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))))::int AS active,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND r.level IN ('high', 'critical'))::int AS high_risk,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.expires_at >= $1::timestamp(3) AND c.expires_at < $2::timestamp(3))::int AS expiring30,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND c.expires_at IS NULL)::int AS never_expires,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND (last_used_at < $3::timestamp(3) OR (last_used_at IS NULL AND coalesce(issued_at, created_at) < $3::timestamp(3))))::int AS stale,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND exposure_count > 0)::int AS exposed,
            count(*) FILTER (WHERE (c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) AND consumer_count > 1)::int AS shared
       FROM credentials c JOIN credential_risks r ON r.credential_id = c.id WHERE ${credentialScope(viewer, "owned", p)}`,
    ...p.values,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    total: n("total"), active: n("active"), highRisk: n("high_risk"), expiring30: n("expiring30"),
    neverExpires: n("never_expires"), stale: n("stale"), exposed: n("exposed"), shared: n("shared"),
  };
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { personFor } from "@/lib/users/visibility";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { presentedTo, type TPresentedRow } from "@/lib/identities/queries";
import { nodeId, TopologyBuilder, type TTopology } from "@/lib/inventory/topology";
import type { TEnvironment } from "@/lib/inventory/vocabulary";

/**
 * MCP servers: a few dozen rows even in a large organisation, so the list is read whole (capped);
 * binding counts come from one grouped pass over the bindings index per direction.
 */

export const MCP_SERVER_LIST_CAP = 500;

export type TMcpServerRow = {
  id: string;
  name: string;
  resourceUri: string | null;
  command: string | null;
  transport: string;
  authMode: string;
  environment: TEnvironment;
  lastProbeResult: string;
  lastProbeAt: string | null;
  owner: { id: string; name: string; active: boolean } | null;
  team: { id: string; name: string } | null;
  presented: number;
  presenters: number;
  held: number;
};

type TRaw = {
  id: string; name: string; resource_uri: string | null; command: string | null; transport: string; auth_mode: string;
  environment: TEnvironment; last_probe_result: string; last_probe_at: Date | null; owner_id: string | null; owner_name: string | null;
  owner_active: boolean | null; team_id: string | null; team_name: string | null; presented: number; presenters: number; held: number;
};

export async function listMcpServers(prisma: PrismaClient): Promise<{ items: TMcpServerRow[]; capped: boolean; readAt: number }> {
  const rows = await prisma.$queryRawUnsafe<TRaw[]>(
    `WITH inbound AS (
       SELECT b.target_mcp_server_id AS id, count(DISTINCT b.credential_id)::int AS presented,
              count(DISTINCT coalesce(b.holder_identity_id, b.holder_mcp_server_id))::int AS presenters
         FROM bindings b WHERE b.target_mcp_server_id IS NOT NULL GROUP BY 1
     ), outbound AS (
       SELECT b.holder_mcp_server_id AS id, count(DISTINCT b.credential_id)::int AS held
         FROM bindings b WHERE b.holder_mcp_server_id IS NOT NULL GROUP BY 1
     )
     SELECT s.id, s.name, s.resource_uri, s.command, s.transport::text AS transport, s.auth_mode::text AS auth_mode,
            s.environment::text AS environment, s.last_probe_result::text AS last_probe_result, s.last_probe_at,
            s.owner_id, u.name AS owner_name, u.active AS owner_active, s.team_id, t.name AS team_name,
            coalesce(i.presented, 0) AS presented, coalesce(i.presenters, 0) AS presenters, coalesce(o.held, 0) AS held
       FROM mcp_servers s
       LEFT JOIN inbound i ON i.id = s.id LEFT JOIN outbound o ON o.id = s.id
       LEFT JOIN users u ON u.id = s.owner_id LEFT JOIN teams t ON t.id = s.team_id
      ORDER BY s.name, s.environment, s.id
      LIMIT ${MCP_SERVER_LIST_CAP + 1}`,
  );
  return {
    readAt: Date.now(),
    capped: rows.length > MCP_SERVER_LIST_CAP,
    items: rows.slice(0, MCP_SERVER_LIST_CAP).map((r) => ({
      id: r.id, name: r.name, resourceUri: r.resource_uri, command: r.command, transport: r.transport, authMode: r.auth_mode,
      environment: r.environment, lastProbeResult: r.last_probe_result, lastProbeAt: r.last_probe_at ? new Date(r.last_probe_at).toISOString() : null,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? "Unknown user", active: r.owner_active ?? false } : null,
      team: r.team_id ? { id: r.team_id, name: r.team_name ?? "Unknown team" } : null,
      presented: r.presented, presenters: r.presenters, held: r.held,
    })),
  };
}

export type THeldRow = {
  credentialId: string;
  credentialName: string;
  target: { kind: "server" | "provider"; id: string; name: string } | null;
  audience: string | null;
  lastSeenAt: string;
};

export type TMcpServerDetail = {
  server: {
    id: string; name: string; resourceUri: string | null; command: string | null; transport: string; authMode: string;
    environment: TEnvironment; protectedResourceMetadata: unknown; lastProbeAt: string | null; lastProbeResult: string;
    lastProbeDetail: string | null; createdAt: string;
    identity: { id: string; name: string } | null;
    owner: { id: string; name: string; email?: string; active: boolean } | null;
    team: { id: string; name: string } | null;
  };
  presented: TPresentedRow[];
  presentedTotal: number;
  held: THeldRow[];
  heldTotal: number;
  topology: TTopology;
  readAt: number;
};

const PAGE = 25;
/** Holders drawn in the graph; the rest are summed into one "more" node (the table lists them). */
const GRAPH_HOLDERS = 10;

export async function getMcpServerDetail(prisma: PrismaClient, id: string, viewer: Pick<TActor, "role">): Promise<TMcpServerDetail | null> {
  const s = await prisma.mcpServer.findUnique({
    where: { id },
    select: {
      id: true, name: true, resourceUri: true, command: true, transport: true, authMode: true, environment: true,
      protectedResourceMetadata: true, lastProbeAt: true, lastProbeResult: true, lastProbeDetail: true, createdAt: true,
      identity: { select: { id: true, name: true } },
      owner: { select: { id: true, name: true, email: true, active: true } },
      team: { select: { id: true, name: true } },
    },
  });
  if (!s) return null;
  const [presented, presentedTotal, heldRows, heldTotal, holders, upstream] = await Promise.all([
    presentedTo(prisma, id, PAGE),
    prisma.binding.count({ where: { targetMcpServerId: id } }),
    prisma.binding.findMany({
      where: { holderMcpServerId: id },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: PAGE,
      select: {
        audience: true, lastSeenAt: true,
        credential: { select: { id: true, name: true } },
        targetMcpServer: { select: { id: true, name: true } },
        targetProvider: { select: { id: true, name: true } },
      },
    }),
    prisma.binding.count({ where: { holderMcpServerId: id } }),
    prisma.$queryRawUnsafe<{ kind: string; holder_id: string; name: string; detail: string | null; n: number }[]>(
      `SELECT CASE WHEN b.holder_identity_id IS NOT NULL THEN 'identity' ELSE 'server' END AS kind,
              coalesce(i.id, hs.id) AS holder_id, coalesce(i.name, hs.name) AS name, i.kind::text AS detail,
              count(DISTINCT b.credential_id)::int AS n
         FROM bindings b LEFT JOIN identities i ON i.id = b.holder_identity_id LEFT JOIN mcp_servers hs ON hs.id = b.holder_mcp_server_id
        WHERE b.target_mcp_server_id = $1::uuid AND coalesce(i.id, hs.id) IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY n DESC, name LIMIT ${GRAPH_HOLDERS + 1}`,
      id,
    ),
    prisma.$queryRawUnsafe<{ kind: string; target_id: string; name: string; detail: string | null; n: number }[]>(
      `SELECT CASE WHEN b.target_provider_id IS NOT NULL THEN 'provider' ELSE 'server' END AS kind,
              coalesce(p.id, ts.id) AS target_id, coalesce(p.name, ts.name) AS name, coalesce(p.type, ts.resource_uri) AS detail,
              count(DISTINCT b.credential_id)::int AS n
         FROM bindings b LEFT JOIN providers p ON p.id = b.target_provider_id LEFT JOIN mcp_servers ts ON ts.id = b.target_mcp_server_id
        WHERE b.holder_mcp_server_id = $1::uuid AND coalesce(p.id, ts.id) IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT 20`,
      id,
    ),
  ]);

  const g = new TopologyBuilder();
  const self = g.node({ id: nodeId.server(s.id), kind: "server", label: s.name, detail: s.resourceUri ?? s.command ?? s.transport, focus: true });
  for (const h of holders.slice(0, GRAPH_HOLDERS)) {
    const source = g.node(h.kind === "identity"
      ? { id: nodeId.identity(h.holder_id), kind: "identity", label: h.name, detail: h.detail ?? undefined, href: `/identities/${h.holder_id}` }
      : { id: nodeId.server(h.holder_id), kind: "server", label: h.name, href: `/mcp-servers/${h.holder_id}` });
    g.edge({ source, target: self, label: `${h.n} credential${h.n === 1 ? "" : "s"}`, highlighted: true });
  }
  if (holders.length > GRAPH_HOLDERS) {
    g.node({ id: "more:holders", kind: "more", label: "More holders", detail: "listed in the table below" });
    g.edge({ source: "more:holders", target: self, context: true });
  }
  for (const u of upstream) {
    const target = g.node(u.kind === "provider"
      ? { id: nodeId.provider(u.target_id), kind: "provider", label: u.name, detail: u.detail ?? undefined, href: `/inventory?provider=${u.target_id}` }
      : { id: nodeId.server(u.target_id), kind: "server", label: u.name, href: `/mcp-servers/${u.target_id}` });
    g.edge({ source: self, target, label: `${u.n} credential${u.n === 1 ? "" : "s"}`, highlighted: true });
  }

  return {
    server: {
      id: s.id, name: s.name, resourceUri: s.resourceUri, command: s.command, transport: s.transport, authMode: s.authMode,
      environment: s.environment, protectedResourceMetadata: s.protectedResourceMetadata, lastProbeAt: s.lastProbeAt?.toISOString() ?? null,
      lastProbeResult: s.lastProbeResult, lastProbeDetail: s.lastProbeDetail, createdAt: s.createdAt.toISOString(),
      identity: s.identity, owner: s.owner && personFor(viewer, s.owner), team: s.team,
    },
    presented,
    presentedTotal,
    held: heldRows.map((r) => ({
      credentialId: r.credential.id,
      credentialName: r.credential.name,
      target: r.targetProvider
        ? { kind: "provider", id: r.targetProvider.id, name: r.targetProvider.name }
        : r.targetMcpServer
          ? { kind: "server", id: r.targetMcpServer.id, name: r.targetMcpServer.name }
          : null,
      audience: r.audience,
      lastSeenAt: r.lastSeenAt.toISOString(),
    })),
    heldTotal,
    topology: g.build(),
    readAt: Date.now(),
  };
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { personFor } from "@/lib/users/visibility";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TIdentityListQuery } from "@/lib/identities/schemas";
import { IDENTITY_PAGE_SIZE } from "@/lib/identities/schemas";
import { listCredentials } from "@/lib/inventory/queries";
import { nodeId, TopologyBuilder, type TTopology } from "@/lib/inventory/topology";
import type { TCredentialPage } from "@/lib/inventory/types";
import type { TEnvironment, TIdentityKind } from "@/lib/inventory/vocabulary";

/** Non-human identities: keyset list by name, and one identity with its credentials both ways. */

export type TIdentityRow = {
  id: string;
  name: string;
  kind: TIdentityKind;
  environment: TEnvironment;
  owner: { id: string; name: string; active: boolean } | null;
  team: { id: string; name: string } | null;
  provider: string | null;
  thirdPartyVendor: string | null;
  lastSeenAt: string | null;
  credentials: number;
  mcpServerId: string | null;
};

type TRawIdentity = {
  id: string; name: string; kind: TIdentityKind; environment: TEnvironment; owner_id: string | null; owner_name: string | null;
  owner_active: boolean | null; team_id: string | null; team_name: string | null; provider_name: string | null;
  third_party_vendor: string | null; last_seen_at: Date | null; credentials: number; mcp_server_id: string | null;
};

function encode(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id]), "utf8").toString("base64url");
}

function decode(token: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    return Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

export async function listIdentities(prisma: PrismaClient, query: TIdentityListQuery): Promise<{ items: TIdentityRow[]; nextCursor: string | null; readAt: number }> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (v: unknown, cast: string) => {
    values.push(v);
    return `$${values.length}::${cast}`;
  };
  if (query.kind) where.push(`i.kind = ${add(query.kind, `"IdentityKind"`)}`);
  if (query.q) where.push(`i.name ILIKE ${add(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, "text")}`);
  const cursor = query.after ? decode(query.after) : null;
  if (cursor) where.push(`(i.name, i.id) > (${add(cursor[0], "text")}, ${add(cursor[1], "uuid")})`);
  const rows = await prisma.$queryRawUnsafe<TRawIdentity[]>(
    `SELECT p.*, u.name AS owner_name, u.active AS owner_active, t.name AS team_name, pr.name AS provider_name, s.id AS mcp_server_id,
            (SELECT count(*)::int FROM credentials c WHERE c.identity_id = p.id) AS credentials
       FROM (SELECT i.id, i.name, i.kind::text AS kind, i.environment::text AS environment, i.owner_id, i.team_id, i.provider_id,
                    i.third_party_vendor, i.last_seen_at
               FROM identities i ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
              ORDER BY i.name, i.id LIMIT ${IDENTITY_PAGE_SIZE + 1}) p
       LEFT JOIN users u ON u.id = p.owner_id LEFT JOIN teams t ON t.id = p.team_id
       LEFT JOIN providers pr ON pr.id = p.provider_id LEFT JOIN mcp_servers s ON s.identity_id = p.id
      ORDER BY p.name, p.id`,
    ...values,
  );
  const page = rows.slice(0, IDENTITY_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, environment: r.environment,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? "Unknown user", active: r.owner_active ?? false } : null,
      team: r.team_id ? { id: r.team_id, name: r.team_name ?? "Unknown team" } : null,
      provider: r.provider_name, thirdPartyVendor: r.third_party_vendor,
      lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
      credentials: Number(r.credentials), mcpServerId: r.mcp_server_id,
    })),
    nextCursor: rows.length > IDENTITY_PAGE_SIZE && last ? encode(last.name, last.id) : null,
    readAt: Date.now(),
  };
}

export type TPresentedRow = {
  credentialId: string;
  credentialName: string;
  holder: { kind: "identity" | "server"; id: string; name: string } | null;
  audience: string | null;
  lastSeenAt: string;
};

export type TIdentityDetail = {
  identity: {
    id: string; name: string; kind: TIdentityKind; description: string | null; environment: TEnvironment; externalId: string | null;
    thirdPartyVendor: string | null; lastSeenAt: string | null; createdAt: string;
    provider: { id: string; name: string } | null;
    owner: { id: string; name: string; email?: string; active: boolean } | null;
    team: { id: string; name: string } | null;
    mcpServer: { id: string; name: string } | null;
  };
  /** What it holds: its own credentials and those it presents through a binding (riskiest first). */
  holds: TCredentialPage;
  /** What is presented to it (MCP-server identities only). */
  presented: TPresentedRow[];
  presentedTotal: number;
  topology: TTopology;
  readAt: number;
};

const HELD_PAGE = 25;
const PRESENTED_PAGE = 25;

export async function getIdentityDetail(prisma: PrismaClient, id: string, viewer: Pick<TActor, "role">): Promise<TIdentityDetail | null> {
  const i = await prisma.identity.findUnique({
    where: { id },
    select: {
      id: true, name: true, kind: true, description: true, environment: true, externalId: true, thirdPartyVendor: true, lastSeenAt: true, createdAt: true,
      provider: { select: { id: true, name: true } },
      owner: { select: { id: true, name: true, email: true, active: true } },
      team: { select: { id: true, name: true } },
      mcpServer: { select: { id: true, name: true } },
    },
  });
  if (!i) return null;
  const holds = await listCredentials(prisma, { identity: id, sort: "risk", dir: "desc", limit: HELD_PAGE });
  const serverId = i.mcpServer?.id;
  const [presented, presentedTotal, edges] = await Promise.all([
    serverId ? presentedTo(prisma, serverId, PRESENTED_PAGE) : Promise.resolve([]),
    serverId ? prisma.binding.count({ where: { targetMcpServerId: serverId } }) : Promise.resolve(0),
    prisma.$queryRawUnsafe<{ target_kind: string; target_id: string; target_name: string; target_detail: string | null; n: number }[]>(
      `SELECT CASE WHEN b.target_mcp_server_id IS NOT NULL THEN 'server' ELSE 'provider' END AS target_kind,
              coalesce(s.id, p.id) AS target_id, coalesce(s.name, p.name) AS target_name, coalesce(s.resource_uri, p.type) AS target_detail,
              count(DISTINCT b.credential_id)::int AS n
         FROM bindings b LEFT JOIN mcp_servers s ON s.id = b.target_mcp_server_id LEFT JOIN providers p ON p.id = b.target_provider_id
        WHERE b.holder_identity_id = $1::uuid AND coalesce(s.id, p.id) IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT 12`,
      id,
    ),
  ]);

  const g = new TopologyBuilder();
  const self = g.node({ id: nodeId.identity(i.id), kind: "identity", label: i.name, detail: i.kind, focus: true });
  for (const e of edges) {
    const target =
      e.target_kind === "server"
        ? g.node({ id: nodeId.server(e.target_id), kind: "server", label: e.target_name, detail: e.target_detail ?? undefined, href: `/mcp-servers/${e.target_id}` })
        : g.node({ id: nodeId.provider(e.target_id), kind: "provider", label: e.target_name, detail: e.target_detail ?? undefined, href: `/inventory?provider=${e.target_id}` });
    g.edge({ source: self, target, label: `${e.n} credential${e.n === 1 ? "" : "s"}`, highlighted: true });
  }
  if (serverId) {
    const holders = new Map<string, TPresentedRow["holder"]>();
    for (const p of presented) if (p.holder) holders.set(`${p.holder.kind}:${p.holder.id}`, p.holder);
    for (const h of [...holders.values()].slice(0, 10)) {
      if (!h) continue;
      const source = g.node(h.kind === "identity"
        ? { id: nodeId.identity(h.id), kind: "identity", label: h.name, href: `/identities/${h.id}` }
        : { id: nodeId.server(h.id), kind: "server", label: h.name, href: `/mcp-servers/${h.id}` });
      g.edge({ source, target: self, context: true });
    }
  }

  return {
    identity: {
      id: i.id, name: i.name, kind: i.kind, description: i.description, environment: i.environment, externalId: i.externalId,
      thirdPartyVendor: i.thirdPartyVendor, lastSeenAt: i.lastSeenAt?.toISOString() ?? null, createdAt: i.createdAt.toISOString(),
      provider: i.provider, owner: i.owner && personFor(viewer, i.owner), team: i.team, mcpServer: i.mcpServer,
    },
    holds,
    presented,
    presentedTotal,
    topology: g.build(),
    readAt: Date.now(),
  };
}

/** Credentials presented to an MCP server, most recently seen first, with who presented them. */
export async function presentedTo(prisma: PrismaClient, serverId: string, take: number): Promise<TPresentedRow[]> {
  const rows = await prisma.binding.findMany({
    where: { targetMcpServerId: serverId },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take,
    select: {
      audience: true, lastSeenAt: true,
      credential: { select: { id: true, name: true } },
      holderIdentity: { select: { id: true, name: true } },
      holderMcpServer: { select: { id: true, name: true } },
    },
  });
  return rows.map((r) => ({
    credentialId: r.credential.id,
    credentialName: r.credential.name,
    holder: r.holderIdentity
      ? { kind: "identity", id: r.holderIdentity.id, name: r.holderIdentity.name }
      : r.holderMcpServer
        ? { kind: "server", id: r.holderMcpServer.id, name: r.holderMcpServer.name }
        : null,
    audience: r.audience,
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}

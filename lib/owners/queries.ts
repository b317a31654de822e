import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TOwnerKind, TOwnerOption, TOwnerSearchQuery, TOwnerSearchResult, TSuggestedOwner } from "@/lib/owners/schemas";
import { mayReadPeople } from "@/lib/users/visibility";

type TRawExecutor = Pick<PrismaClient, "$queryRawUnsafe">;

/** `LIKE` text for a literal: the user's `%`, `_` and `\` match themselves. */
function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`);
}

type TRow = { id: string; name: string; email: string | null };

function option(kind: TOwnerKind, row: TRow, withEmail: boolean): TOwnerOption {
  return { kind, id: row.id, name: row.name, ...(withEmail && row.email ? { email: row.email } : {}) };
}

/**
 * Active users or teams whose name (or, for roles with users.read, e-mail) starts with `q`, then
 * those that contain it. The prefix step walks the lower(…) text_pattern_ops indexes of migration
 * owner_search_notifications; the substring step runs only when the prefixes did not fill the page
 * (a scan, a few milliseconds at 5,000 users: docs/ARCHITECTURE.md "Owner picker"). A role without
 * users.read neither sees nor searches e-mail addresses: matching on them would reveal them.
 */
export async function searchOwners(prisma: TRawExecutor, actor: Pick<TActor, "role">, kind: TOwnerKind, q: string, limit: number): Promise<TOwnerOption[]> {
  const withEmail = kind === "user" && mayReadPeople(actor);
  const table = kind === "user" ? "users" : "teams";
  const select = kind === "user" ? "t.id::text AS id, t.name, t.email" : "t.id::text AS id, t.name, NULL::text AS email";
  const active = kind === "user" ? "t.active AND " : "";
  const text = escapeLike(q);
  const run = (pattern: string, exclude: string[], take: number) => {
    const match = withEmail ? `(lower(t.name) LIKE $1 OR lower(t.email) LIKE $1)` : `lower(t.name) LIKE $1`;
    return prisma.$queryRawUnsafe<TRow[]>(
      `SELECT ${select} FROM ${table} t
        WHERE ${active}${match} AND NOT (t.id = ANY($2::uuid[]))
        ORDER BY lower(t.name), t.id LIMIT $3`,
      pattern, exclude, take,
    );
  };
  const first = await run(`${text}%`, [], limit);
  if (text === "" || first.length >= limit) return first.map((r) => option(kind, r, withEmail));
  const more = await run(`%${text}%`, first.map((r) => r.id), limit - first.length);
  return [...first, ...more].map((r) => option(kind, r, withEmail));
}

/** Names a source, or counts them when the suggestion comes from several. */
function reasonFor(what: string, names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length === 1 ? `${what} “${unique[0]}”` : `${what} of ${unique.length} selected`;
}

const USAGE_DAYS = 90;
const MAX_SUGGESTIONS = 3;

/**
 * Owners suggested for credentials (or an identity / an MCP server), each with its reason:
 *   user: the owner of the identity that holds it ("owns the identity X"); the person most often
 *         seen using it (usage events with caller kind "user", whose caller id is the e-mail);
 *   team: the team of the MCP server that holds it ("team of MCP server Y"); the identity's team.
 * Only active users; someone who already owns every selected credential is no suggestion.
 */
export async function suggestOwners(prisma: TRawExecutor, actor: Pick<TActor, "role">, kind: TOwnerKind, query: TOwnerSearchQuery, now = new Date()): Promise<TSuggestedOwner[]> {
  const credentialIds = await suggestionCredentials(prisma, query);
  if (credentialIds === null) return [];
  const since = new Date(now.getTime() - USAGE_DAYS * 86_400_000).toISOString();
  const withEmail = kind === "user" && mayReadPeople(actor);
  const out = new Map<string, TSuggestedOwner & { weight: number }>();
  const add = (rows: (TRow & { source: string })[], what: string, weight: number) => {
    const by = new Map<string, { row: TRow; sources: string[] }>();
    for (const r of rows) {
      const entry = by.get(r.id) ?? { row: r, sources: [] };
      entry.sources.push(r.source);
      by.set(r.id, entry);
    }
    for (const [id, { row, sources }] of by) {
      if (out.has(id)) continue;
      out.set(id, { ...option(kind, row, withEmail), reason: reasonFor(what, sources), weight: weight + sources.length });
    }
  };

  if (kind === "user") {
    const owners = await prisma.$queryRawUnsafe<(TRow & { source: string })[]>(
      `SELECT u.id::text AS id, u.name, u.email, i.name AS source
         FROM credentials c JOIN identities i ON i.id = c.identity_id JOIN users u ON u.id = i.owner_id
        WHERE c.id = ANY($1::uuid[]) AND u.active AND (c.owner_id IS DISTINCT FROM u.id)`,
      credentialIds,
    );
    add(owners, "owns the identity", 2000);
    const users = await prisma.$queryRawUnsafe<(TRow & { uses: number })[]>(
      `SELECT u.id::text AS id, u.name, u.email, count(*)::int AS uses
         FROM usage_events e JOIN users u ON u.email = e.caller_id
        WHERE e.credential_id = ANY($1::uuid[]) AND e.caller_kind = 'user' AND e.time >= $2::timestamp(3) AND u.active
          AND EXISTS (SELECT 1 FROM credentials c WHERE c.id = ANY($1::uuid[]) AND c.owner_id IS DISTINCT FROM u.id)
        GROUP BY u.id, u.name, u.email ORDER BY uses DESC, u.id LIMIT ${MAX_SUGGESTIONS}`,
      credentialIds, since,
    );
    for (const u of users) {
      if (out.has(u.id)) continue;
      out.set(u.id, { ...option(kind, u, withEmail), reason: `most often seen using it: ${u.uses} ${u.uses === 1 ? "use" : "uses"} in ${USAGE_DAYS} days`, weight: 1000 + u.uses });
    }
  } else {
    const servers = await prisma.$queryRawUnsafe<(TRow & { source: string })[]>(
      `SELECT DISTINCT t.id::text AS id, t.name, NULL::text AS email, m.name AS source, b.credential_id
         FROM bindings b JOIN mcp_servers m ON m.id = b.holder_mcp_server_id JOIN teams t ON t.id = m.team_id
         JOIN credentials c ON c.id = b.credential_id
        WHERE b.credential_id = ANY($1::uuid[]) AND c.team_id IS DISTINCT FROM t.id`,
      credentialIds,
    );
    add(servers, "team of MCP server", 2000);
    const identities = await prisma.$queryRawUnsafe<(TRow & { source: string })[]>(
      `SELECT t.id::text AS id, t.name, NULL::text AS email, i.name AS source
         FROM credentials c JOIN identities i ON i.id = c.identity_id JOIN teams t ON t.id = i.team_id
        WHERE c.id = ANY($1::uuid[]) AND c.team_id IS DISTINCT FROM t.id`,
      credentialIds,
    );
    add(identities, "team of the identity", 1000);
  }
  return [...out.values()]
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ weight: _w, ...s }) => s);
}

/** The credentials suggestions are computed from: the selection, or what the entity holds. */
async function suggestionCredentials(prisma: TRawExecutor, query: TOwnerSearchQuery): Promise<string[] | null> {
  if (query.credentialIds?.length) return query.credentialIds;
  if (query.identityId) {
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT c.id::text AS id FROM credentials c WHERE c.identity_id = $1::uuid LIMIT 200`, query.identityId);
    return rows.map((r) => r.id);
  }
  if (query.mcpServerId) {
    // An MCP server holds credentials through bindings, and through its own identity.
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT b.credential_id::text AS id FROM bindings b WHERE b.holder_mcp_server_id = $1::uuid
       UNION SELECT c.id::text FROM credentials c JOIN mcp_servers m ON m.identity_id = c.identity_id WHERE m.id = $1::uuid
       LIMIT 200`,
      query.mcpServerId,
    );
    return rows.map((r) => r.id);
  }
  return null;
}

export async function ownerSearch(prisma: TRawExecutor, actor: Pick<TActor, "role">, query: TOwnerSearchQuery): Promise<TOwnerSearchResult> {
  const [items, suggestions] = await Promise.all([
    searchOwners(prisma, actor, query.kind, query.q, query.limit),
    query.q === "" ? suggestOwners(prisma, actor, query.kind, query) : Promise.resolve([]),
  ]);
  return { items, suggestions };
}

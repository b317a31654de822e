import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorReach, allows } from "@/lib/auth/access";
import type { TExposureFilters } from "@/lib/exposures/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The Exposures page: every place a secret was found in clear, newest sighting first, with the
 * credential it belongs to and the server entry it sat in. Pages of 50 (exposures are a small
 * share of credentials: ~3 % in the demo data), filtered in SQL.
 */

export const EXPOSURE_PAGE = 50;

export type TExposureRow = {
  id: string;
  /** The file (or repo path, CI job, transcript) without the key path. */
  where: string;
  keyPath: string | null;
  locationKind: string;
  repository: string | null;
  line: number | null;
  detector: string;
  server: { id: string; name: string } | null;
  credential: { id: string; name: string; hint: string | null; source: string; owner: string | null } | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  /** Whether the viewer may mark it remediated (role and, for owners, the credential's owner/team). */
  canRemediate: boolean;
};

type TRaw = {
  id: string; location: string; key_path: string | null; location_kind: string; repository: string | null; line: number | null; detector: string;
  server_id: string | null; server_name: string | null; credential_id: string | null; credential_name: string | null; hint: string | null;
  source: string | null; owner_id: string | null; owner_name: string | null; team_id: string | null; detected_at: Date; last_seen_at: Date | null; resolved_at: Date | null;
};

/** `file#key.path` → `file` (the key path has its own column). */
export function whereOf(location: string, keyPath: string | null): string {
  return keyPath && location.endsWith(`#${keyPath}`) ? location.slice(0, -keyPath.length - 1) : location;
}

export async function listExposures(
  prisma: PrismaClient,
  viewer: TActor,
  filters: TExposureFilters,
): Promise<{ items: TExposureRow[]; total: number; open: number; page: number; pages: number; readAt: number }> {
  const values: unknown[] = [];
  const p = (v: unknown, cast: string) => (values.push(v), `$${values.length}::${cast}`);
  const where: string[] = [];
  if (filters.state === "open") where.push("e.resolved_at IS NULL");
  if (filters.state === "remediated") where.push("e.resolved_at IS NOT NULL");
  if (filters.kind) where.push(`e.location_kind = ${p(filters.kind, '"ExposureLocation"')}`);
  if (filters.server) where.push(`e.mcp_server_id = ${p(filters.server, "uuid")}`);
  if (filters.credential) where.push(`e.credential_id = ${p(filters.credential, "uuid")}`);
  if (filters.q) {
    const like = p(`%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, "text");
    where.push(`(lower(e.location) LIKE ${like} OR lower(e.detector) LIKE ${like} OR lower(coalesce(c.name, '')) LIKE ${like} OR lower(coalesce(s.name, '')) LIKE ${like})`);
  }
  const sqlWhere = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const from = `FROM exposures e LEFT JOIN credentials c ON c.id = e.credential_id LEFT JOIN mcp_servers s ON s.id = e.mcp_server_id`;
  const [{ total, open }] = await prisma.$queryRawUnsafe<{ total: number; open: number }[]>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE e.resolved_at IS NULL)::int AS open ${from} ${sqlWhere}`,
    ...values,
  ) as [{ total: number; open: number }];
  const pages = Math.max(1, Math.ceil(total / EXPOSURE_PAGE));
  const page = Math.min(filters.page, pages);
  const rows = await prisma.$queryRawUnsafe<TRaw[]>(
    `SELECT e.id::text AS id, e.location, e.key_path, e.location_kind::text AS location_kind, e.repository, e.line, e.detector,
            s.id::text AS server_id, s.name AS server_name, c.id::text AS credential_id, c.name AS credential_name, c.hint,
            c.source::text AS source, c.owner_id::text AS owner_id, c.owner_name, c.team_id::text AS team_id,
            e.detected_at, e.last_seen_at, e.resolved_at
       ${from} ${sqlWhere}
      ORDER BY (e.resolved_at IS NULL) DESC, coalesce(e.last_seen_at, e.detected_at) DESC, e.id
      LIMIT ${EXPOSURE_PAGE} OFFSET ${(page - 1) * EXPOSURE_PAGE}`,
    ...values,
  );
  const iso = (d: Date) => new Date(d).toISOString();
  return {
    total, open, page, pages, readAt: Date.now(),
    items: rows.map((r) => ({
      id: r.id, where: whereOf(r.location, r.key_path), keyPath: r.key_path, locationKind: r.location_kind, repository: r.repository, line: r.line, detector: r.detector,
      server: r.server_id ? { id: r.server_id, name: r.server_name ?? "" } : null,
      credential: r.credential_id ? { id: r.credential_id, name: r.credential_name ?? "", hint: r.hint, source: r.source ?? "", owner: r.owner_name } : null,
      firstSeenAt: iso(r.detected_at), lastSeenAt: iso(r.last_seen_at ?? r.detected_at), resolvedAt: r.resolved_at ? iso(r.resolved_at) : null,
      canRemediate: r.resolved_at === null && (r.credential_id ? allows(viewer, "exposures.remediate", { ownerId: r.owner_id, teamId: r.team_id }) : actorReach(viewer, "exposures.remediate") === "any"),
    })),
  };
}

/** An MCP server's exposures (its detail page), open first. */
export async function serverExposures(prisma: PrismaClient, viewer: TActor, serverId: string) {
  return listExposures(prisma, viewer, { state: "all", server: serverId, page: 1 });
}

/** Open exposures per MCP server, for the servers list (one grouped pass over the index). */
export async function openExposuresByServer(prisma: PrismaClient): Promise<Record<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ id: string; n: number }[]>(
    `SELECT mcp_server_id::text AS id, count(*)::int AS n FROM exposures WHERE mcp_server_id IS NOT NULL AND resolved_at IS NULL GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import type { TSqlReader } from "@/lib/db/sql-reader";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TActorRow = { id: string; email: string; name: string; role: TRole; team_ids: string[] };

/**
 * The actor behind a session: the user, if it still exists and is active, with its current role and
 * teams. One statement (every signed-in request pays for it, so no second round trip for the teams).
 */
/**
 * The active user behind a session, or null. With `sessionVersion`, only while the user's
 * session_version still equals it: a role change, deactivation or reactivation bumps it and so ends
 * every session opened before.
 */
export async function findActiveActor(read: TSqlReader, userId: string, sessionVersion?: number): Promise<TActor | null> {
  if (!UUID.test(userId)) return null;
  const [row] = await read<TActorRow>(
    `SELECT u.id::text AS id, u.email, u.name, u.role::text AS role,
            COALESCE((SELECT array_agg(m.team_id::text ORDER BY m.team_id) FROM team_memberships m WHERE m.user_id = u.id), '{}') AS team_ids
       FROM users u
      WHERE u.id = $1::uuid AND u.active AND ($2::int IS NULL OR u.session_version = $2::int)`,
    [userId, sessionVersion ?? null],
  );
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role, teamIds: row.team_ids } : null;
}

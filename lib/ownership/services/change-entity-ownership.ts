import type { TActor } from "@/lib/auth/actor";
import type { TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { notifyAssignment } from "@/lib/notifications/services/notify-assignment";
import { AppError } from "@/lib/errors/app-error";
import type { TOwnedEntityType } from "@/lib/ownership/schemas";
import { resolveOwnerAndTeam, type TOwnershipChange } from "@/lib/ownership/services/resolve-owner-and-team";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TTx } from "@/lib/server/execute";

/**
 * Changes the owner and/or team of an identity or an MCP server, in the caller's transaction: locks
 * the row, validates the new owner and team, writes only a real change and returns the audit record.
 * An identity's owner stands in for its credentials' when they have none (the orphaned factor reads
 * it), so the identity's credentials are rescored in the same transaction.
 */

export type TEntityOwnershipResult = { entityType: TOwnedEntityType; entityId: string; rescored: number };

const TABLE: Record<TOwnedEntityType, { table: string; label: string }> = {
  identity: { table: "identities", label: "identity" },
  mcp_server: { table: "mcp_servers", label: "MCP server" },
};

type TLockedRow = { id: string; name: string; owner_id: string | null; owner_email: string | null; team_id: string | null; team_name: string | null };

export async function changeEntityOwnership(
  tx: TTx,
  input: { entityType: TOwnedEntityType; entityId: string; change: TOwnershipChange; notifyFrom?: Pick<TActor, "id" | "name"> },
): Promise<{ data: TEntityOwnershipResult; audit: TAuditRecord }> {
  const { table, label } = TABLE[input.entityType];
  const [row] = await tx.$queryRawUnsafe<TLockedRow[]>(
    `SELECT e.id::text AS id, e.name, e.owner_id::text AS owner_id, u.email AS owner_email, e.team_id::text AS team_id, t.name AS team_name
       FROM ${table} e LEFT JOIN users u ON u.id = e.owner_id LEFT JOIN teams t ON t.id = e.team_id
      WHERE e.id = $1::uuid
        FOR UPDATE OF e`,
    input.entityId,
  );
  if (!row) throw new AppError("NOT_FOUND", `No such ${label}.`);

  const { owner, team } = await resolveOwnerAndTeam(tx, input.change);
  const ownerChanges = owner !== undefined && (owner?.id ?? null) !== row.owner_id;
  const teamChanges = team !== undefined && (team?.id ?? null) !== row.team_id;
  if (!ownerChanges && !teamChanges) throw new AppError("CONFLICT", `Nothing to change: the ${label} already has this owner and team.`);

  await tx.$executeRawUnsafe(
    `UPDATE ${table} SET owner_id = CASE WHEN $2 THEN $3::uuid ELSE owner_id END,
                         team_id = CASE WHEN $4 THEN $5::uuid ELSE team_id END,
                         updated_at = now()
      WHERE id = $1::uuid`,
    row.id, ownerChanges, owner?.id ?? null, teamChanges, team?.id ?? null,
  );

  if (input.notifyFrom) {
    const things = [{ type: input.entityType, id: row.id, name: row.name }];
    const newOwner = ownerChanges ? (owner ?? null) : null;
    await notifyAssignment(tx, { actor: input.notifyFrom, owner: newOwner, things });
    await notifyAssignment(tx, { actor: input.notifyFrom, team: teamChanges ? (team ?? null) : null, things, exclude: newOwner ? [newOwner.id] : [] });
  }

  let rescored = 0;
  if (input.entityType === "identity") {
    const held = await tx.credential.findMany({ where: { identityId: row.id }, select: { id: true } });
    rescored = (await recomputeCredentials(tx, held.map((c) => c.id))).scored;
  }

  return {
    data: { entityType: input.entityType, entityId: row.id, rescored },
    audit: {
      // The same audit action as a credential's assignment: one filter finds every ownership change.
      action: "ownership.assign",
      targetType: input.entityType,
      targetId: row.id,
      summary: {
        [input.entityType === "identity" ? "identity" : "mcpServer"]: row.name,
        before: { owner: row.owner_email, team: row.team_name },
        after: {
          owner: ownerChanges ? (owner?.email ?? null) : row.owner_email,
          team: teamChanges ? (team?.name ?? null) : row.team_name,
        },
        ...(rescored > 0 ? { rescoredCredentials: rescored } : {}),
      },
    },
  };
}

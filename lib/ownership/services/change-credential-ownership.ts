import type { TActor } from "@/lib/auth/actor";
import type { TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { notifyAssignment } from "@/lib/notifications/services/notify-assignment";
import { AppError } from "@/lib/errors/app-error";
import { resolveOwnerAndTeam, type TOwnershipChange } from "@/lib/ownership/services/resolve-owner-and-team";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TTx } from "@/lib/server/execute";

/**
 * Changes the owner and/or team of credentials, in the caller's transaction: locks the rows (id
 * order), checks every target still exists (and, for a claim, is an orphan), validates the new
 * owner and team, writes only the rows that change, rescores them (the orphaned factor depends on
 * ownership) and returns the audit record. A batch also gets one audit event per credential, so
 * each credential's history shows the change.
 */

export type TOwnershipResult = { changed: number; unchanged: number; credentialIds: string[] };

type TLockedRow = {
  id: string;
  name: string;
  owner_id: string | null;
  owner_email: string | null;
  owner_active: boolean | null;
  team_id: string | null;
  team_name: string | null;
};

type TSide = { owner: string | null; team: string | null };

function listNames(rows: { name: string }[]): string {
  const names = rows.slice(0, 3).map((r) => `“${r.name}”`).join(", ");
  return rows.length > 3 ? `${names} and ${rows.length - 3} more` : names;
}

export async function changeCredentialOwnership(
  tx: TTx,
  input: {
    credentialIds: string[];
    change: TOwnershipChange;
    action: string;
    onlyOrphans: boolean;
    /** Who assigns: the new owner and team are told in-app (lib/notifications). A claim tells nobody. */
    notifyFrom?: Pick<TActor, "id" | "name">;
  },
): Promise<{ data: TOwnershipResult; audit: [...TAuditRecord[], TAuditRecord] }> {
  const ids = [...new Set(input.credentialIds)].sort();
  const rows = await tx.$queryRawUnsafe<TLockedRow[]>(
    `SELECT c.id, c.name, c.owner_id, u.email AS owner_email, u.active AS owner_active, c.team_id, t.name AS team_name
       FROM credentials c LEFT JOIN users u ON u.id = c.owner_id LEFT JOIN teams t ON t.id = c.team_id
      WHERE c.id = ANY($1::uuid[])
      ORDER BY c.id
        FOR UPDATE OF c`,
    ids,
  );
  if (rows.length !== ids.length) {
    const missing = ids.length - rows.length;
    throw new AppError("NOT_FOUND", missing === ids.length && ids.length === 1 ? "No such credential." : `${missing} of the selected credentials no longer exist.`);
  }
  if (input.onlyOrphans) {
    const owned = rows.filter((r) => r.owner_id !== null && r.owner_active);
    if (owned.length > 0) {
      throw new AppError("CONFLICT", `Only credentials without an active owner can be claimed: ${listNames(owned)} ${owned.length === 1 ? "has" : "have"} an active owner.`);
    }
  }

  const { owner, team } = await resolveOwnerAndTeam(tx, input.change);

  const before = (r: TLockedRow): TSide => ({ owner: r.owner_email, team: r.team_name });
  const after = (r: TLockedRow): TSide => ({
    owner: owner === undefined ? r.owner_email : (owner?.email ?? null),
    team: team === undefined ? r.team_name : (team?.name ?? null),
  });
  const changes = (r: TLockedRow) =>
    (owner !== undefined && (owner?.id ?? null) !== r.owner_id) || (team !== undefined && (team?.id ?? null) !== r.team_id);
  const changed = rows.filter(changes);
  if (changed.length === 0) {
    throw new AppError("CONFLICT", rows.length === 1 ? "Nothing to change: the credential already has this owner and team." : "Nothing to change: every selected credential already has this owner and team.");
  }

  const changedIds = changed.map((r) => r.id);
  await tx.credential.updateMany({
    where: { id: { in: changedIds } },
    data: { ...(owner !== undefined ? { ownerId: owner?.id ?? null } : {}), ...(team !== undefined ? { teamId: team?.id ?? null } : {}) },
  });
  // The orphaned factor (and anything else that reads ownership) must see the change now.
  await recomputeCredentials(tx, changedIds);
  if (input.notifyFrom) {
    const thing = (r: TLockedRow) => ({ type: "credential" as const, id: r.id, name: r.name });
    const newOwner = owner ?? null;
    const newTeam = team ?? null;
    await notifyAssignment(tx, { actor: input.notifyFrom, owner: newOwner, things: newOwner ? changed.filter((r) => r.owner_id !== newOwner.id).map(thing) : [] });
    await notifyAssignment(tx, {
      actor: input.notifyFrom,
      team: newTeam,
      things: newTeam ? changed.filter((r) => r.team_id !== newTeam.id).map(thing) : [],
      exclude: newOwner ? [newOwner.id] : [],
    });
  }

  const data: TOwnershipResult = { changed: changed.length, unchanged: rows.length - changed.length, credentialIds: changedIds };
  const recordOf = (r: TLockedRow): TAuditRecord => ({
    action: input.action,
    targetType: "credential",
    targetId: r.id,
    summary: { credential: r.name, before: before(r), after: after(r) },
  });
  if (rows.length === 1) return { data, audit: [recordOf(changed[0]!)] };

  // One event per credential, so each credential's history shows the change, then the batch's own.
  return {
    data,
    audit: [
      ...changed.map(recordOf),
      {
        action: `${input.action}_batch`,
        targetType: "credential_batch",
        summary: {
          selected: rows.length,
          changed: changed.length,
          after: { ...(owner !== undefined ? { owner: owner?.email ?? null } : {}), ...(team !== undefined ? { team: team?.name ?? null } : {}) },
        },
      },
    ],
  };
}

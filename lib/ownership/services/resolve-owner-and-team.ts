import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";

/**
 * The new owner and team of an ownership change, checked: `undefined` keeps the current value,
 * `null` clears it, an id must name an active user / an existing team.
 */

export type TOwnershipChange = { ownerId?: string | null; teamId?: string | null };
export type TResolvedChange = {
  owner: { id: string; email: string } | null | undefined;
  team: { id: string; name: string } | null | undefined;
};

export async function resolveOwnerAndTeam(tx: TTx, change: TOwnershipChange): Promise<TResolvedChange> {
  let owner: TResolvedChange["owner"];
  if (change.ownerId) {
    const user = await tx.user.findUnique({ where: { id: change.ownerId }, select: { id: true, email: true, active: true } });
    if (!user || !user.active) throw new AppError("VALIDATION", "The chosen owner is not an active user.", { fieldErrors: { ownerId: ["not an active user"] } });
    owner = { id: user.id, email: user.email };
  } else if (change.ownerId === null) owner = null;
  let team: TResolvedChange["team"];
  if (change.teamId) {
    const found = await tx.team.findUnique({ where: { id: change.teamId }, select: { id: true, name: true } });
    if (!found) throw new AppError("VALIDATION", "The chosen team does not exist.", { fieldErrors: { teamId: ["no such team"] } });
    team = found;
  } else if (change.teamId === null) team = null;
  return { owner, team };
}

import { AppError } from "@/lib/errors/app-error";
import { recordOwnerActivity } from "@/lib/risk/services/rescore-on-event";
import type { TOperation } from "@/lib/server/execute";
import { ZSetUserActive, ZUpdateUserRole } from "@/lib/users/schemas";
import { ensureAdminRemains } from "@/lib/users/services/ensure-admin-remains";

export const updateUserRoleOperation: TOperation<typeof ZUpdateUserRole, { id: string; role: string }> = {
  name: "users.update_role",
  permission: "users.manage",
  input: ZUpdateUserRole,
  run: async ({ tx, actor, input }) => {
    if (input.userId === actor.id) throw new AppError("CONFLICT", "You cannot change your own role.");
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, active: true, email: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    if (before.role === input.role) throw new AppError("CONFLICT", `${before.email} already has the role ${input.role}.`);
    if (before.role === "admin" && before.active) await ensureAdminRemains(tx, input.userId);
    const user = await tx.user.update({ where: { id: input.userId }, data: { role: input.role, sessionVersion: { increment: 1 } }, select: { id: true, role: true } });
    return {
      data: user,
      audit: { targetType: "user", targetId: user.id, summary: { email: before.email, before: { role: before.role }, after: { role: user.role } } },
    };
  },
};

export const setUserActiveOperation: TOperation<typeof ZSetUserActive, { id: string; active: boolean }> = {
  name: "users.set_active",
  permission: "users.manage",
  input: ZSetUserActive,
  run: async ({ tx, actor, input }) => {
    if (input.userId === actor.id) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, active: true, email: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    if (before.active === input.active) {
      throw new AppError("CONFLICT", `${before.email} is already ${input.active ? "active" : "deactivated"}.`);
    }
    if (!input.active && before.role === "admin") await ensureAdminRemains(tx, input.userId);
    const user = await tx.user.update({
      where: { id: input.userId },
      // A new session version ends every session the user had: on deactivation, and again on
      // reactivation so a cookie from before the deactivation does not come back to life.
      data: { active: input.active, deactivatedAt: input.active ? null : new Date(), sessionVersion: { increment: 1 } },
      select: { id: true, active: true },
    });
    const rescored = await recordOwnerActivity(tx, user.id);
    return {
      data: user,
      audit: {
        action: input.active ? "users.reactivate" : "users.deactivate",
        targetType: "user",
        targetId: user.id,
        summary: {
          email: before.email,
          before: { active: before.active },
          after: { active: user.active },
          ...(rescored > 0 ? { rescoredCredentials: rescored } : {}),
        },
      },
    };
  },
};

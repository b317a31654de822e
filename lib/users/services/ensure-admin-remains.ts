import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";

/** Refuses a change that would leave no active admin: nobody could manage users any more. */
export async function ensureAdminRemains(tx: TTx, excludingUserId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: excludingUserId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last active admin: make someone else admin first.");
}

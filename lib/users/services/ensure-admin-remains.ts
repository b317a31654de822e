import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";

/**
 * Whether any active admin other than `userId` remains. Locks the active admin rows (FOR UPDATE)
 * so two concurrent demotions serialise: under READ COMMITTED the second re-reads the rows after
 * the first commits, sees one admin fewer, and cannot demote the last one too.
 */
export async function otherActiveAdminRemains(tx: TTx, userId: string): Promise<boolean> {
  const admins = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text AS id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
  );
  return admins.some((a) => a.id !== userId);
}

/** Refuses a change that would leave no active admin: nobody could manage users any more. */
export async function ensureAdminRemains(tx: TTx, excludingUserId: string): Promise<void> {
  if (!(await otherActiveAdminRemains(tx, excludingUserId))) {
    throw new AppError("CONFLICT", "This is the last active admin: make someone else admin first.");
  }
}

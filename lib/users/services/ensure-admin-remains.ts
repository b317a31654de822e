import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";

/**
 * Locks every active admin row, so concurrent changes to admins run one after another. Without the
 * lock two admins demoting each other at once each count the other as "still admin" under READ
 * COMMITTED and both commit, leaving none. Rows are locked in id order so two lockers cannot deadlock.
 */
export async function lockActiveAdmins(tx: TTx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Refuses a change that would leave no active admin: nobody could manage users any more. */
export async function ensureAdminRemains(tx: TTx, excludingUserId: string): Promise<void> {
  // After waiting for the lock, the locked rows are re-read as committed: a just-demoted admin is gone.
  const others = (await lockActiveAdmins(tx)).filter((id) => id !== excludingUserId);
  if (others.length === 0) throw new AppError("CONFLICT", "This is the last active admin: make someone else admin first.");
}

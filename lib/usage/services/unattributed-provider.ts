import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";

/**
 * Where a credential known only by its fingerprint is filed until someone attributes it: one
 * provider row of type "unattributed", which no connector handles (the UI shows it inventory-only).
 * Created on first need; found again by name, and refused if an admin's own provider took the name.
 */

export const UNATTRIBUTED = { name: "Unattributed (seen, not inventoried)", type: "unattributed" } as const;

export async function ensureUnattributedProvider(tx: TTx): Promise<string> {
  await tx.$executeRawUnsafe(
    `INSERT INTO providers (id, name, type, config, sensitivity, updated_at) VALUES (gen_random_uuid(), $1, $2, '{}', 'moderate', now())
     ON CONFLICT (name) DO NOTHING`,
    UNATTRIBUTED.name,
    UNATTRIBUTED.type,
  );
  const [row] = await tx.$queryRawUnsafe<{ id: string; type: string }[]>(`SELECT id::text AS id, type FROM providers WHERE name = $1`, UNATTRIBUTED.name);
  if (!row || row.type !== UNATTRIBUTED.type) {
    throw new AppError("CONFLICT", `A provider named "${UNATTRIBUTED.name}" exists with another type: rename it so unknown credentials can be filed.`);
  }
  return row.id;
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";

/**
 * Recomputes the denormalised counters of the given credentials: `exposure_count` (open exposures)
 * and `consumer_count` (distinct holders across bindings). Triggers on `bindings` and `exposures`
 * already call the same SQL function for every statement that touches them (migration
 * inventory_sorting), so writers need not call this; it is for repairs and backfills.
 * Returns how many credentials changed.
 */

type TSql = Pick<PrismaClient, "$queryRawUnsafe"> | Pick<TTx, "$queryRawUnsafe">;

const BATCH = 5_000;

export async function recomputeCredentialCounters(db: TSql, credentialIds: readonly string[]): Promise<number> {
  const ids = [...new Set(credentialIds)].sort();
  let changed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const [row] = await db.$queryRawUnsafe<{ changed: number }[]>(
      "SELECT tokenward_recompute_credential_counters($1::uuid[]) AS changed",
      ids.slice(i, i + BATCH),
    );
    changed += Number(row?.changed ?? 0);
  }
  return changed;
}

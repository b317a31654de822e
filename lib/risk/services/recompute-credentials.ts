import type { TTx } from "@/lib/server/execute";
import type { TRiskLevel } from "@/lib/risk/model";
import { scoreCredential } from "@/lib/risk/score-credential";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { applyDailyDeltas } from "@/lib/risk/services/daily-counts";
import { loadScoringInputs } from "@/lib/risk/services/load-scoring-inputs";
import { needsWrite, writeResults } from "@/lib/risk/services/write-results";

/**
 * Incremental recompute: call it, inside your transaction, from every operation that changes what
 * a credential's risk depends on (owner, team, identity, scopes, expiry, bindings, exposures…), with
 * the ids of the credentials concerned. It locks those rows, reads their context as of your
 * transaction, rescores them with the active policy and writes the result, the score history and
 * today's level counts — all committed or rolled back with your change.
 *
 *   await recomputeCredentials(tx, [credentialId]);
 */

export type TRecomputeCredentialsResult = { scored: number; changed: string[] };

export async function recomputeCredentials(tx: TTx, ids: readonly string[], options: { now?: Date } = {}): Promise<TRecomputeCredentialsResult> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return { scored: 0, changed: [] };
  // Sorted lock order: two transactions locking overlapping sets cannot deadlock.
  await tx.$queryRawUnsafe(`SELECT id FROM credentials WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, unique);
  const now = options.now ?? new Date();
  const active = await loadActivePolicy(tx);
  const inputs = await loadScoringInputs(tx, { kind: "ids", ids: unique }, now.getTime(), active.policy.usageWindowDays);

  const changed: string[] = [];
  const deltas = new Map<TRiskLevel, number>();
  const writes = inputs.map((input) => {
    const result = scoreCredential(input.credential, input.context, active.policy);
    if (needsWrite(input.stored, input, result)) changed.push(input.credential.id);
    if (input.stored.level !== result.level) {
      deltas.set(input.stored.level, (deltas.get(input.stored.level) ?? 0) - 1);
      deltas.set(result.level, (deltas.get(result.level) ?? 0) + 1);
    }
    return { input, result };
  });
  // Always written (even unchanged): the new scored_at tells a concurrent full recompute that
  // this row has a fresher result than the one it read.
  await writeResults(tx, writes, { scoredAt: now, policyVersion: active.version, guard: "none" });
  await applyDailyDeltas(tx, now, deltas);
  return { scored: inputs.length, changed };
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import type { TFactorResult, TScoreResult } from "@/lib/risk/model";
import { frameworksOf } from "@/lib/risk/score-credential";
import type { TScoringInput, TStoredResult } from "@/lib/risk/services/load-scoring-inputs";

/**
 * Writes scoring results back in one statement per batch: the credential's credential_risks row,
 * plus a RiskScoreSnapshot for each credential whose score or level changed. Never `credentials`
 * itself: its two dozen inventory indexes made mass rescoring cost ~16× more (migration
 * credential_risks).
 *
 * `guard: "scored-at"` (full recompute, no row locks) only overwrites a row whose scored_at is
 * still what was read: if an incremental recompute wrote a fresher result in between, the batch's
 * (older) result is dropped for that row. Incremental recomputes lock their rows and write unguarded.
 */

export type TWrite = { input: TScoringInput; result: TScoreResult };

type TSql = Pick<PrismaClient, "$queryRawUnsafe"> | Pick<TTx, "$queryRawUnsafe">;

function sameFactors(a: readonly TFactorResult[], b: readonly TFactorResult[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.points !== y.points || x.evidence !== y.evidence || x.remediation !== y.remediation || x.severity !== y.severity || x.title !== y.title) return false;
    if (x.frameworks.length !== y.frameworks?.length || x.frameworks.some((f, j) => f !== y.frameworks[j])) return false;
  }
  return true;
}

/**
 * Whether writing would change anything a reader can see. Unchanged rows are not written (at a
 * million rows every avoided row update matters), except a row never scored: even a clean result is
 * written once, so scored_at tells "scored, nothing found" from
 * "not scored yet".
 */
export function needsWrite(stored: TStoredResult, _input: TScoringInput, result: TScoreResult): boolean {
  return stored.scoredAt === null
    || !samePrivileges(stored.privileges, result.privileges)
    || stored.score !== result.score
    || stored.level !== result.level
    || !sameFactors(stored.factors, result.factors);
}

function samePrivileges(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

export function scoreOrLevelChanged(stored: TStoredResult, result: TScoreResult): boolean {
  return stored.score !== result.score || stored.level !== result.level;
}

export type TWriteOptions = { scoredAt: Date; policyVersion: number; guard: "scored-at" | "none" };

/** Returns the ids actually written. */
export async function writeResults(db: TSql, writes: readonly TWrite[], options: TWriteOptions): Promise<string[]> {
  if (writes.length === 0) return [];
  const rows = writes.map(({ input, result }) => ({
    id: input.credential.id,
    score: result.score,
    level: result.level,
    factors: result.factors,
    factor_ids: result.factors.map((f) => f.id),
    frameworks: frameworksOf(result.factors),
    privileges: result.privileges,
    prev_scored_at: input.stored.scoredAt === null ? null : new Date(input.stored.scoredAt).toISOString(),
    snapshot: scoreOrLevelChanged(input.stored, result),
  }));
  const guard = options.guard === "scored-at" ? "AND r.scored_at IS NOT DISTINCT FROM v.prev_scored_at" : "";
  const written = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH v AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, score float8, level "RiskLevel", factors jsonb, factor_ids text[],
                                                      frameworks text[], privileges text[], prev_scored_at timestamp(3), snapshot boolean)
     ), u AS (
       UPDATE credential_risks r
          SET score = v.score, level = v.level, factors = v.factors, factor_ids = v.factor_ids, frameworks = v.frameworks, privileges = v.privileges,
              scored_at = $2::timestamp(3), policy_version = $3
         FROM v
        WHERE r.credential_id = v.id ${guard}
       RETURNING r.credential_id AS id
     ), snap AS (
       INSERT INTO risk_score_snapshots (credential_id, time, score, level, policy_version)
       SELECT v.id, $2::timestamp(3), v.score, v.level, $3 FROM v JOIN u ON u.id = v.id WHERE v.snapshot
     )
     SELECT id::text AS id FROM u`,
    JSON.stringify(rows), options.scoredAt.toISOString(), options.policyVersion,
  );
  return written.map((r) => r.id);
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRiskLevel, TScoreResult } from "@/lib/risk/model";
import { RISK_LEVELS } from "@/lib/risk/model";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import { scoreCredential } from "@/lib/risk/score-credential";
import { scanCredentials } from "@/lib/risk/services/batches";
import { loadScoringInputs } from "@/lib/risk/services/load-scoring-inputs";
import { needsWrite } from "@/lib/risk/services/write-results";

/**
 * What a draft policy would change, before it is saved: every credential scored with the active
 * and with the draft policy on the same, current context (so the preview shows the policy's effect
 * only, not what time or new data changed since the last recompute). Read-only.
 */

export type TImpactSample = { id: string; name: string; before: { score: number; level: TRiskLevel }; after: { score: number; level: TRiskLevel } };

export type TPolicyImpact = {
  scanned: number;
  levelChanged: number;
  /** Credentials whose level goes up / down. */
  levelRaised: number;
  levelLowered: number;
  scoreChanged: number;
  /**
   * Credentials the recompute that follows will rewrite: the draft's result against what is stored,
   * exactly the recompute's own test (needsWrite). Larger than scoreChanged when stored scores are
   * stale (time moved since the last recompute: stale, rotation overdue, expiry) — the preview used
   * to report only the policy's effect, and the recompute then changed many more.
   */
  recomputeWrites: number;
  /** Of those, credentials whose stored level changes. */
  recomputeLevelChanges: number;
  /** Credentials whose score goes up / down. */
  raised: number;
  lowered: number;
  before: Record<TRiskLevel, number>;
  after: Record<TRiskLevel, number>;
  /** "from→to" → count, level changes only. */
  transitions: { from: TRiskLevel; to: TRiskLevel; count: number }[];
  /** The credentials whose level changes most, biggest score change first. */
  samples: TImpactSample[];
  durationMs: number;
};

const zeroCounts = () => Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<TRiskLevel, number>;
const SAMPLE_LIMIT = 50;

export async function previewPolicyImpact(
  prisma: PrismaClient,
  active: TRiskPolicy,
  draft: TRiskPolicy,
  options: { now?: Date; batchSize?: number; strategy?: "stream" | "ranges" } = {},
): Promise<TPolicyImpact> {
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const impact: TPolicyImpact = {
    scanned: 0, recomputeWrites: 0, recomputeLevelChanges: 0, levelChanged: 0, levelRaised: 0, levelLowered: 0, scoreChanged: 0, raised: 0, lowered: 0, before: zeroCounts(), after: zeroCounts(), transitions: [], samples: [], durationMs: 0,
  };
  const transitions = new Map<string, number>();
  const samples: (TImpactSample & { delta: number })[] = [];
  const sameWindow = active.usageWindowDays === draft.usageWindowDays;

  await scanCredentials(prisma, { now, usageWindowDays: active.usageWindowDays, batchSize: options.batchSize, strategy: options.strategy }, async (batch) => {
    // A different usage window means different usage context for the draft: read it for the same ids.
    const draftInputs = sameWindow
      ? null
      : new Map((await loadScoringInputs(prisma, { kind: "ids", ids: batch.inputs.map((i) => i.credential.id) }, now, draft.usageWindowDays)).map((i) => [i.credential.id, i]));
    for (const input of batch.inputs) {
      const draftInput = draftInputs?.get(input.credential.id) ?? input;
      const before: TScoreResult = scoreCredential(input.credential, input.context, active);
      const after: TScoreResult = scoreCredential(draftInput.credential, draftInput.context, draft);
      impact.scanned++;
      if (needsWrite(input.stored, draftInput, after)) impact.recomputeWrites++;
      if (input.stored.level !== after.level) impact.recomputeLevelChanges++;
      impact.before[before.level]++;
      impact.after[after.level]++;
      if (before.score !== after.score) impact.scoreChanged++;
      if (after.score > before.score) impact.raised++;
      if (after.score < before.score) impact.lowered++;
      if (before.level !== after.level) {
        impact.levelChanged++;
        if (RISK_LEVELS.indexOf(after.level) > RISK_LEVELS.indexOf(before.level)) impact.levelRaised++;
        else impact.levelLowered++;
        const key = `${before.level}→${after.level}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
        samples.push({
          id: input.credential.id, name: input.credential.name, delta: Math.abs(after.score - before.score),
          before: { score: before.score, level: before.level }, after: { score: after.score, level: after.level },
        });
        if (samples.length > SAMPLE_LIMIT * 4) {
          samples.sort((a, b) => b.delta - a.delta);
          samples.length = SAMPLE_LIMIT;
        }
      }
    }
  });
  samples.sort((a, b) => b.delta - a.delta || a.name.localeCompare(b.name));
  impact.samples = samples.slice(0, SAMPLE_LIMIT).map(({ delta: _delta, ...s }) => s);
  impact.transitions = [...transitions].map(([key, count]) => {
    const [from, to] = key.split("→") as [TRiskLevel, TRiskLevel];
    return { from, to, count };
  }).sort((a, b) => b.count - a.count);
  impact.durationMs = Math.round(performance.now() - started);
  return impact;
}

import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TTx } from "@/lib/server/execute";
import { RECOMPUTE_ALL_JOB_TYPE } from "@/lib/risk/jobs";
import { changesToAuditSummary, diffPolicies, type TPolicyChange } from "@/lib/risk/policy/diff";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";

/**
 * Writes a new policy version (save, import and restore all end here) and enqueues the full
 * recompute that applies it, in the caller's transaction: the version, its recompute job and the
 * audit record commit together. Concurrent editors are serialised by an advisory lock and the
 * `baseVersion` check, so nobody overwrites a version they have not seen.
 */

export const RISK_POLICY_LOCK_KEY = 7_264_110_777;

export type TSavedPolicy = { version: number; previousVersion: number; changes: TPolicyChange[]; jobId: string };

export async function savePolicyVersion(
  tx: TTx,
  actor: TActor,
  input: { document: TRiskPolicy; baseVersion: number; comment?: string | null },
): Promise<TSavedPolicy> {
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${RISK_POLICY_LOCK_KEY})`);
  const active = await loadActivePolicy(tx);
  if (active.version !== input.baseVersion) {
    throw new AppError(
      "CONFLICT",
      `The policy changed since you opened it: v${active.version} is now active, you edited v${input.baseVersion}. Reload to see that change, then apply yours again.`,
    );
  }
  const changes = diffPolicies(active.policy, input.document);
  if (changes.length === 0) throw new AppError("CONFLICT", `Nothing to save: the document is the same as the active policy (v${active.version}).`);
  const last = await tx.riskPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  await tx.riskPolicy.create({
    data: { version, document: input.document, comment: input.comment?.trim() || null, createdById: actor.id },
  });
  const job = await enqueueJob(tx, {
    type: RECOMPUTE_ALL_JOB_TYPE,
    payload: { reason: "policy-change", requestedBy: actorLabel(actor), policyVersion: version },
    requeue: "if-finished",
  });
  return { version, previousVersion: active.version, changes, jobId: job.id };
}

export function policyAuditSummary(saved: TSavedPolicy, extra: Record<string, unknown> = {}) {
  return {
    version: saved.version,
    previousVersion: saved.previousVersion,
    changeCount: saved.changes.length,
    ...extra,
    ...changesToAuditSummary(saved.changes),
  };
}

import { actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TOperation } from "@/lib/server/execute";
import { RECOMPUTE_ALL_JOB_TYPE } from "@/lib/risk/jobs";
import { parsePolicyFile } from "@/lib/risk/policy/validate";
import { ZImportPolicy, ZRestorePolicy, ZSavePolicy, ZStartRecompute } from "@/lib/risk/schemas";
import { loadPolicyVersion } from "@/lib/risk/services/active-policy";
import { policyAuditSummary, savePolicyVersion } from "@/lib/risk/services/save-policy-version";

/** Mutations of the risk domain. Each new policy version enqueues the full recompute that applies it. */

type TSavedData = { version: number; jobId: string; changeCount: number };

export const savePolicyOperation: TOperation<typeof ZSavePolicy, TSavedData> = {
  name: "risk.policy.save",
  permission: "policy.manage",
  input: ZSavePolicy,
  run: async ({ tx, actor, input }) => {
    const saved = await savePolicyVersion(tx, actor, input);
    return {
      data: { version: saved.version, jobId: saved.jobId, changeCount: saved.changes.length },
      audit: { targetType: "risk_policy", targetId: String(saved.version), summary: policyAuditSummary(saved, { comment: input.comment ?? null }) },
    };
  },
};

export const importPolicyOperation: TOperation<typeof ZImportPolicy, TSavedData> = {
  name: "risk.policy.import",
  permission: "policy.manage",
  input: ZImportPolicy,
  run: async ({ tx, actor, input }) => {
    const parsed = parsePolicyFile(input.content);
    if (!parsed.ok) {
      throw new AppError("VALIDATION", `The file is not a valid risk policy: ${parsed.errors.slice(0, 3).join("; ")}`, { fieldErrors: { content: parsed.errors } });
    }
    const comment = input.comment || `Imported from ${input.fileName ?? "a file"}`;
    const saved = await savePolicyVersion(tx, actor, { document: parsed.policy, baseVersion: input.baseVersion, comment });
    return {
      data: { version: saved.version, jobId: saved.jobId, changeCount: saved.changes.length },
      audit: { targetType: "risk_policy", targetId: String(saved.version), summary: policyAuditSummary(saved, { comment, fileName: input.fileName ?? null }) },
    };
  },
};

export const restorePolicyOperation: TOperation<typeof ZRestorePolicy, TSavedData> = {
  name: "risk.policy.restore",
  permission: "policy.manage",
  input: ZRestorePolicy,
  run: async ({ tx, actor, input }) => {
    const old = await loadPolicyVersion(tx, input.version);
    if (!old) throw new AppError("NOT_FOUND", `There is no policy version ${input.version}.`);
    const comment = input.comment || (input.version === 0 ? "Restored the built-in default" : `Restored v${input.version}`);
    const saved = await savePolicyVersion(tx, actor, { document: old.policy, baseVersion: input.baseVersion, comment });
    return {
      data: { version: saved.version, jobId: saved.jobId, changeCount: saved.changes.length },
      audit: { targetType: "risk_policy", targetId: String(saved.version), summary: policyAuditSummary(saved, { comment, restoredFrom: input.version }) },
    };
  },
};

export const startRecomputeOperation: TOperation<typeof ZStartRecompute, { jobId: string; enqueued: boolean }> = {
  name: "risk.recompute.start",
  permission: "risk.recompute",
  input: ZStartRecompute,
  run: async ({ tx, actor }) => {
    const job = await enqueueJob(tx, { type: RECOMPUTE_ALL_JOB_TYPE, payload: { reason: "manual", requestedBy: actorLabel(actor) }, requeue: "if-finished" });
    return {
      data: { jobId: job.id, enqueued: job.enqueued },
      // Recorded even when a run was already under way: who asked for a recompute is itself evidence.
      audit: { targetType: "job", targetId: job.id, summary: { enqueued: job.enqueued } },
    };
  },
};

import { actorLabel } from "@/lib/auth/actor";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TOperation } from "@/lib/server/execute";
import { ROTATION_POLICIES_JOB } from "@/lib/rotation-policies/job-types";
import { ZRunRotationPolicies, ZSaveRotationPolicy } from "@/lib/rotation-policies/schemas";
import { saveRotationPolicy } from "@/lib/rotation-policies/services/save-rotation-policy";

/** Mutations of the rotation policy: a new version (admin), and "run now" (the job, at once). */

export const saveRotationPolicyOperation: TOperation<typeof ZSaveRotationPolicy, { version: number }> = {
  name: "rotation_policies.save",
  permission: "policy.manage",
  input: ZSaveRotationPolicy,
  run: async ({ tx, actor, input }) => {
    const saved = await saveRotationPolicy(tx, actor, input);
    const rules = input.document.rules;
    return {
      data: { version: saved.version },
      audit: {
        targetType: "rotation_policy",
        targetId: String(saved.version),
        summary: {
          version: saved.version,
          previousVersion: saved.previousVersion,
          comment: input.comment ?? null,
          rules: rules.map((r) => ({ id: r.id, enabled: r.enabled, rotateEveryDays: r.rotateEveryDays, maxTtlDays: r.maxTtlDays, autoApprove: r.autoApprove, scope: r.scope })),
          reminderLeadDays: input.document.reminders.leadDays,
          backoffDays: input.document.backoffDays,
        },
      },
    };
  },
};

export const runRotationPoliciesOperation: TOperation<typeof ZRunRotationPolicies, { jobId: string; enqueued: boolean }> = {
  name: "rotation_policies.run",
  permission: "policy.manage",
  input: ZRunRotationPolicies,
  run: async ({ tx, actor }) => {
    const job = await enqueueJob(tx, { type: ROTATION_POLICIES_JOB, payload: { reason: "manual", requestedBy: actorLabel(actor) }, requeue: "if-finished" });
    return { data: { jobId: job.id, enqueued: job.enqueued }, audit: { targetType: "job", targetId: job.id, summary: { enqueued: job.enqueued } } };
  },
};

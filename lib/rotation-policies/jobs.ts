import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { ROTATION_POLICIES_JOB } from "@/lib/rotation-policies/job-types";
import { runRotationPolicies } from "@/lib/rotation-policies/services/run-rotation-policies";

/**
 * Every hour (and on "Run now"): the rotation policy opens the requests its rules ask for and sends
 * the expiry reminders that are due. Rules count in days, so an hour is early enough; one logical
 * job (stable id), so a slow run is never doubled.
 */
export const rotationPoliciesJob = defineJob({
  type: ROTATION_POLICIES_JOB,
  payload: z.object({ reason: z.enum(["schedule", "manual"]), requestedBy: z.string().max(300).optional() }),
  stableId: () => ROTATION_POLICIES_JOB,
  cron: { schedule: "17 * * * *", payload: { reason: "schedule" } },
  maxAttempts: 2,
  handler: (_payload, { prisma }) => runRotationPolicies(prisma),
});

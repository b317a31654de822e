import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ROTATION_POLICIES_JOB } from "@/lib/rotation-policies/job-types";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { loadActiveRotationPolicy } from "@/lib/rotation-policies/services/active-rotation-policy";

/** What the rotation policy settings page shows: the policy in force, its history, the providers a rule may name, the job's last run and the requests it opened. */
export async function rotationPolicyPage(prisma: PrismaClient) {
  const [active, versions, providers, lastRun, requests, risk] = await Promise.all([
    loadActiveRotationPolicy(prisma),
    prisma.rotationPolicy.findMany({ orderBy: { version: "desc" }, take: 10, select: { version: true, comment: true, createdAt: true, createdById: true } }),
    prisma.provider.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, type: true, sensitivity: true } }),
    prisma.job.findFirst({ where: { type: ROTATION_POLICIES_JOB }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, result: true, finishedAt: true, lastError: true } }),
    prisma.policyRequest.findMany({ orderBy: { createdAt: "desc" }, take: 10 }),
    loadActivePolicy(prisma),
  ]);
  const people = new Map((await prisma.user.findMany({ where: { id: { in: versions.flatMap((v) => (v.createdById ? [v.createdById] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const workflows = new Map(
    (await prisma.workflow.findMany({ where: { id: { in: requests.map((r) => r.workflowId) } }, select: { id: true, state: true, credential: { select: { id: true, name: true } } } })).map((w) => [w.id, w]),
  );
  return {
    active,
    /** The risk policy's auto-approval ceiling: rules never auto-approve above it. */
    ceiling: risk.policy.autoApproval.scheduledRotations,
    versions: versions.map((v) => ({ version: v.version, comment: v.comment, createdAt: v.createdAt.toISOString(), by: v.createdById ? (people.get(v.createdById) ?? "a deleted user") : null })),
    providers,
    lastRun: lastRun ? { state: lastRun.status as string, result: lastRun.result as Record<string, number> | null, finishedAt: lastRun.finishedAt?.toISOString() ?? null, error: lastRun.lastError } : null,
    requests: requests.flatMap((r) => {
      const w = workflows.get(r.workflowId);
      return w ? [{ workflowId: w.id, state: w.state as string, credential: w.credential, rule: r.ruleId, version: r.policyVersion, autoApproved: r.autoApproved, at: r.createdAt.toISOString() }] : [];
    }),
  };
}
export type TRotationPolicyPage = Awaited<ReturnType<typeof rotationPolicyPage>>;

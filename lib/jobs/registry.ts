import type { TJobDefinition } from "@/lib/jobs/define-job";
import { providerSyncJob } from "@/lib/providers/jobs";
import { expireDueJob, recomputeAllJob } from "@/lib/risk/jobs";
import { workflowAdvanceJob, workflowTickJob } from "@/lib/workflows/jobs";
import { emailNoticesJob } from "@/lib/notifications/jobs";
import { usageApplyJob, usagePartitionsJob } from "@/lib/usage/jobs";
import { mcpProbeJob } from "@/lib/mcp-servers/jobs";
import { rotationPoliciesJob } from "@/lib/rotation-policies/jobs";
import { alertsDeliverJob } from "@/lib/alerts/jobs";
import { reportScheduleJob } from "@/lib/reports/schedules/jobs";
import { reviewsTickJob } from "@/lib/reviews/jobs";

/**
 * THE job registry: every kind of background job, once. Add a job by defining it beside its domain
 * (lib/<domain>/jobs.ts, handlers call domain services) and listing it here.
 */
export const JOBS = [recomputeAllJob, expireDueJob, providerSyncJob, workflowAdvanceJob, workflowTickJob, emailNoticesJob, usageApplyJob, mcpProbeJob, rotationPoliciesJob, alertsDeliverJob, usagePartitionsJob, reportScheduleJob, reviewsTickJob] as const satisfies readonly TJobDefinition[];

export type TJobType = (typeof JOBS)[number]["type"];

export type TJobRegistry = ReadonlyMap<string, TJobDefinition>;

export const JOB_REGISTRY: TJobRegistry = new Map<string, TJobDefinition>(JOBS.map((j) => [j.type, j as unknown as TJobDefinition]));

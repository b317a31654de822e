import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { syncProvider } from "@/lib/providers/services/sync-provider";

/**
 * Syncing a provider is one logical job per provider (stable id): "sync now" while it runs does
 * nothing, and a schedule slot does not stack on a slow run. Each provider's own cron
 * (providers.sync_schedule) is a data-kept schedule. One attempt: a failed run is recorded and
 * shown; the next slot or a "sync now" tries again.
 */

export const PROVIDER_SYNC_JOB_TYPE = "providers.sync";

export const ZProviderSyncPayload = z.object({
  providerId: z.uuid(),
  trigger: z.enum(["manual", "schedule"]),
  requestedBy: z.string().max(200).optional(),
});

export function providerSyncJobId(providerId: string): string {
  return `${PROVIDER_SYNC_JOB_TYPE}:${providerId}`;
}

export const providerSyncJob = defineJob({
  type: PROVIDER_SYNC_JOB_TYPE,
  payload: ZProviderSyncPayload,
  stableId: (payload) => providerSyncJobId(payload.providerId),
  maxAttempts: 1,
  schedules: async (prisma) => {
    const providers = await prisma.provider.findMany({ where: { enabled: true, syncSchedule: { not: null } }, select: { id: true, syncSchedule: true } });
    return providers.map((p) => ({ id: providerSyncJobId(p.id), schedule: p.syncSchedule!, payload: { providerId: p.id, trigger: "schedule" as const } }));
  },
  handler: (payload, { prisma, jobId, progress }) =>
    syncProvider(prisma, { providerId: payload.providerId, trigger: payload.trigger, requestedBy: payload.requestedBy, jobId, onProgress: progress }),
});

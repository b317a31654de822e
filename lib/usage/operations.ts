import "server-only";
import { z } from "zod";
import type { TOperation } from "@/lib/server/execute";
import { ZDecideAlert } from "@/lib/usage/alert-schemas";
import { decideAlert, type TAlertDecided } from "@/lib/usage/services/decide-alert";
import { ingestUsage, wakeUsageApply } from "@/lib/usage/services/ingest-usage";
import { ZUsageBatch, type TIngestResult } from "@/lib/usage/schemas";

/**
 * Usage ingestion as one pipeline operation: the API key's permission, the batch re-checked by zod,
 * the hops written, and one audit event per batch — who sent how many, what it added to the
 * inventory — in the same transaction. The hops themselves are the append-only usage log.
 */

export const ZIngestInput = z.strictObject({
  events: ZUsageBatch.or(z.array(z.never()).length(0)),
  /** OTLP only: spans without a credential attribute, and spans refused (partial success). */
  ignored: z.number().int().min(0).default(0),
  rejected: z.number().int().min(0).default(0),
  firstError: z.string().max(2000).optional(),
  format: z.enum(["ndjson", "json", "otlp-json", "otlp-protobuf"]),
});

export type TIngestOutcome = TIngestResult & { rejected: number; firstError?: string };

export const ingestUsageOperation: TOperation<typeof ZIngestInput, TIngestOutcome> = {
  name: "usage.ingest",
  permission: "usage.ingest",
  input: ZIngestInput,
  run: async ({ tx, input }) => {
    const result = input.events.length > 0 ? await ingestUsage(tx, input.events) : { received: 0, accepted: 0, duplicates: 0, newCredentials: 0, credentialIds: [] };
    const { credentialIds, ...counts } = result;
    const data: TIngestOutcome = { ...counts, ignored: input.ignored, rejected: input.rejected, ...(input.firstError ? { firstError: input.firstError } : {}) };
    return {
      data,
      audit: {
        targetType: "usage",
        targetId: null,
        summary: { format: input.format, ...counts, ignored: input.ignored, rejected: input.rejected, credentials: credentialIds.length },
      },
    };
  },
  afterCommit: async ({ prisma, data }) => {
    if (data.received > 0) await wakeUsageApply(prisma);
  },
};

/** The same, for OTLP senders: its own name, so the audit trail and the RBAC matrix tell them apart. */
export const ingestOtlpOperation: TOperation<typeof ZIngestInput, TIngestOutcome> = { ...ingestUsageOperation, name: "usage.ingest_otlp" };

/** Acknowledge, resolve or re-open a usage finding (the Alerts page). */
export const decideAlertOperation: TOperation<typeof ZDecideAlert, TAlertDecided> = {
  name: "alerts.decide",
  permission: "alerts.decide",
  input: ZDecideAlert,
  run: ({ tx, actor, input }) => decideAlert(tx, actor, input),
};

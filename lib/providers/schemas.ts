import { z } from "zod";
import { CONNECTOR_TYPES } from "@/lib/connectors/registry";
import { parseCron } from "@/lib/jobs/cron";

/**
 * Provider management input. Config and secret arrive as plain objects and are parsed with the
 * chosen connector's own schemas in the service (their shape depends on the type).
 */
const ZName = z.string().trim().min(1, "Name the provider").max(100, "At most 100 characters");
const ZObject = z.record(z.string(), z.unknown());
/** A UTC cron (lib/jobs/cron.ts) for the sync job; empty = sync only on demand. */
const ZSyncSchedule = z
  .string()
  .trim()
  .max(100, "At most 100 characters")
  .transform((value, ctx) => {
    if (value === "") return null;
    try {
      parseCron(value);
      return value;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Not a schedule: ${(error as Error).message} (e.g. "0 * * * *" for hourly, UTC)` });
      return z.NEVER;
    }
  })
  .nullable()
  .optional();

export const ZCreateProvider = z.object({
  type: z.enum(CONNECTOR_TYPES, { error: "Choose a connector type" }),
  name: ZName,
  config: ZObject,
  secret: ZObject,
  syncSchedule: ZSyncSchedule,
});
export type TCreateProvider = z.infer<typeof ZCreateProvider>;

export const ZUpdateProvider = z.object({
  id: z.uuid(),
  name: ZName,
  config: ZObject,
  /** Absent: keep the stored secret. Present: replace it. */
  secret: ZObject.optional(),
  syncSchedule: ZSyncSchedule,
});
export type TUpdateProvider = z.infer<typeof ZUpdateProvider>;

export const ZProviderId = z.object({ id: z.uuid() });
export const ZSetProviderEnabled = z.object({ id: z.uuid(), enabled: z.boolean() });

/** What the browser sees of a provider: never the secret, only whether one is set. */
export type TProviderView = {
  id: string;
  type: string;
  name: string;
  config: Record<string, unknown>;
  secretSet: boolean;
  enabled: boolean;
  syncSchedule: string | null;
};

/** GET /api/v1/providers/sync?id= — one provider's sync progress. */
export const ZProviderSyncQuery = z.object({ id: z.uuid({ error: "id must be a provider id" }) });

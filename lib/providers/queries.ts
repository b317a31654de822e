import "server-only";
import { CAPABILITY_LABELS, CAPABILITY_NAMES, type TCapabilityName } from "@/lib/connectors/contract";
import { formFieldsOf, type TFormField } from "@/lib/connectors/form-fields";
import { CONNECTORS, CONNECTOR_TYPES, isConnectorType } from "@/lib/connectors/registry";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { providerSyncJobId, ZProviderSyncPayload } from "@/lib/providers/jobs";
import type { TProviderView } from "@/lib/providers/schemas";
import { providerView } from "@/lib/providers/services/save-provider";
import { syncBlocker } from "@/lib/providers/services/sync-blocker";

/**
 * What the Providers pages read. Never the secret: a view says only whether one is set. Providers
 * are few (one per connected system), so lists are read whole.
 */

export type TConnectorInfo = { type: string; label: string; description: string; configFields: TFormField[]; secretFields: TFormField[] };

/** The connector catalogue as the form needs it, derived from the registry. */
export function connectorCatalogue(): TConnectorInfo[] {
  return CONNECTOR_TYPES.map((type) => {
    const def = CONNECTORS[type];
    return { type, label: def.label, description: def.description, configFields: formFieldsOf(def.configSchema), secretFields: formFieldsOf(def.secretSchema, { secret: true }) };
  });
}

export function connectorLabel(type: string): string {
  return isConnectorType(type) ? CONNECTORS[type].label : `${type} (no connector)`;
}

/** Whether Tokenward can talk to it: a connector exists for its type, and a secret was entered. */
export type TConnection = "connected" | "no_secret" | "no_connector";
export function connectionOf(row: { type: string; encryptedCredentials: string | null }): TConnection {
  return !isConnectorType(row.type) ? "no_connector" : row.encryptedCredentials ? "connected" : "no_secret";
}

export type TProviderListRow = {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  connected: boolean;
  connection: TConnection;
  enabled: boolean;
  syncStatus: "never" | "running" | "ok" | "error";
  lastSyncAt: string | null;
  lastSyncError: string | null;
  syncSchedule: string | null;
  credentials: number;
  activeCredentials: number;
};

export async function listProviders(prisma: PrismaClient): Promise<{ providers: TProviderListRow[]; readAt: number }> {
  const readAt = Date.now();
  const [providers, counts] = await Promise.all([
    prisma.provider.findMany({ orderBy: { name: "asc" } }),
    prisma.$queryRawUnsafe<{ provider_id: string; total: number; active: number }[]>(
      `SELECT provider_id::text AS provider_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active FROM credentials GROUP BY provider_id`,
    ),
  ]);
  const byProvider = new Map(counts.map((c) => [c.provider_id, c]));
  const rows = providers.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    typeLabel: connectorLabel(p.type),
    connected: isConnectorType(p.type),
    connection: connectionOf(p),
    enabled: p.enabled,
    syncStatus: p.syncStatus,
    lastSyncAt: p.lastSyncAt?.toISOString() ?? null,
    lastSyncError: p.lastSyncError,
    syncSchedule: p.syncSchedule,
    credentials: byProvider.get(p.id)?.total ?? 0,
    activeCredentials: byProvider.get(p.id)?.active ?? 0,
  }));
  return { providers: rows, readAt };
}

export type TProviderSyncStatus = {
  state: "never" | "queued" | "running" | "succeeded" | "failed" | "cancelled";
  done: number;
  total: number | null;
  note: string | null;
  trigger: string | null;
  requestedBy: string | null;
  lastError: string | null;
};

export async function readProviderSyncStatus(prisma: PrismaClient, providerId: string): Promise<TProviderSyncStatus> {
  const job = await prisma.job.findUnique({ where: { id: providerSyncJobId(providerId) } });
  if (!job) return { state: "never", done: 0, total: null, note: null, trigger: null, requestedBy: null, lastError: null };
  const payload = ZProviderSyncPayload.safeParse(job.payload);
  return {
    state: job.status,
    done: job.progressDone,
    total: job.progressTotal,
    note: job.progressNote,
    trigger: payload.success ? payload.data.trigger : null,
    requestedBy: payload.success ? (payload.data.requestedBy ?? null) : null,
    lastError: job.lastError,
  };
}

export type TSyncRunRow = {
  id: string;
  trigger: string;
  requestedBy: string | null;
  status: "running" | "succeeded" | "failed";
  startedAt: string;
  finishedAt: string | null;
  seen: number;
  total: number | null;
  created: number;
  updated: number;
  unchanged: number;
  restored: number;
  revokedUpstream: number;
  identities: number;
  warnings: string[];
  error: string | null;
};

/** `onlyFor`: the credential kinds it applies to, when not all (with `reason` saying why not the rest). */
export type TCapabilityRow = { name: TCapabilityName; label: string; supported: boolean; reason: string | null; onlyFor: string[] | null };

export type TProviderDetail = {
  provider: TProviderView & {
    typeLabel: string;
    connected: boolean;
    connection: TConnection;
    sensitivity: string;
    syncStatus: TProviderListRow["syncStatus"];
    lastSyncAt: string | null;
    lastSyncError: string | null;
    createdAt: string;
  };
  /** Why "Sync now" is off, in words; null when it can sync. */
  cannotSyncReason: string | null;
  connector: TConnectorInfo | null;
  capabilities: TCapabilityRow[];
  counts: { credentials: number; active: number; revokedUpstream: number; identities: number };
  runs: TSyncRunRow[];
  sync: TProviderSyncStatus;
  /** When this was read: relative times are computed against it, not the render's clock. */
  readAt: number;
};

export const SYNC_HISTORY_LIMIT = 20;

export async function getProviderDetail(prisma: PrismaClient, id: string): Promise<TProviderDetail | null> {
  const row = await prisma.provider.findUnique({ where: { id } });
  if (!row) return null;
  const [runs, total, active, revokedUpstream, identities, sync] = await Promise.all([
    prisma.providerSyncRun.findMany({ where: { providerId: id }, orderBy: { startedAt: "desc" }, take: SYNC_HISTORY_LIMIT }),
    prisma.credential.count({ where: { providerId: id } }),
    prisma.credential.count({ where: { providerId: id, status: "active" } }),
    prisma.credential.count({ where: { providerId: id, revokedUpstreamAt: { not: null } } }),
    prisma.identity.count({ where: { providerId: id } }),
    readProviderSyncStatus(prisma, id),
  ]);
  const connected = isConnectorType(row.type);
  const definition = connected ? CONNECTORS[row.type as keyof typeof CONNECTORS] : null;
  return {
    provider: {
      ...providerView(row),
      typeLabel: connectorLabel(row.type),
      connected,
      connection: connectionOf(row),
      sensitivity: row.sensitivity,
      syncStatus: row.syncStatus,
      lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
      lastSyncError: row.lastSyncError,
      createdAt: row.createdAt.toISOString(),
    },
    cannotSyncReason: syncBlocker(row),
    connector: connected ? (connectorCatalogue().find((c) => c.type === row.type) ?? null) : null,
    capabilities: definition
      ? CAPABILITY_NAMES.map((name) => {
          const cap = definition.capabilities[name];
          if (!cap.supported) return { name, label: CAPABILITY_LABELS[name], supported: false, reason: cap.reason, onlyFor: null };
          return { name, label: CAPABILITY_LABELS[name], supported: true, reason: cap.appliesTo?.otherwise ?? null, onlyFor: cap.appliesTo ? [...cap.appliesTo.kinds] : null };
        })
      : [],
    counts: { credentials: total, active, revokedUpstream, identities },
    runs: runs.map((r) => ({
      id: r.id, trigger: r.trigger, requestedBy: r.requestedBy, status: r.status, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
      seen: r.seen, total: r.total, created: r.created, updated: r.updated, unchanged: r.unchanged, restored: r.restored, revokedUpstream: r.revokedUpstream,
      identities: r.identities, warnings: r.warnings, error: r.error,
    })),
    sync,
    readAt: Date.now(),
  };
}

export type TFailingSync = { id: string; name: string; error: string | null; at: string | null };

/** Enabled providers whose last sync failed: the overview says so where everyone looks first (not cached). */
export async function listFailingSyncs(prisma: PrismaClient): Promise<TFailingSync[]> {
  const rows = await prisma.provider.findMany({
    where: { enabled: true, syncStatus: "error" },
    orderBy: { lastSyncAt: "desc" },
    select: { id: true, name: true, lastSyncError: true, lastSyncAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, error: r.lastSyncError, at: r.lastSyncAt?.toISOString() ?? null }));
}

import "server-only";
import type { TSyncedCredential, TSyncedIdentity } from "@/lib/connectors/contract";
import { isProviderError } from "@/lib/connectors/provider-error";
import { connectorFor, type TConnectorType } from "@/lib/connectors/registry";
import { decryptSecret } from "@/lib/connectors/secrets";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { applySyncBatch, type TBatchCounts } from "./apply-sync-batch";
import { parseConnectorInput } from "./connector-input";
import { syncBlocker } from "./sync-blocker";

/**
 * One sync of one provider, as the `providers.sync` job runs it. The connector's stream is written
 * in bounded batches (memory stays flat however many credentials the provider lists), each batch one
 * transaction. Only a sync that read the provider to the end marks what it did not see as revoked
 * upstream: a sync that fails half-way keeps what it wrote (true facts) and marks nothing gone.
 * Every run leaves a provider_sync_runs row, the provider's sync status, and one audit event.
 */

export type TSyncOptions = {
  providerId: string;
  trigger: "manual" | "schedule";
  requestedBy?: string;
  jobId?: string;
  onProgress?: (seen: number, total?: number | null, note?: string | null) => Promise<void>;
  batchSize?: number;
  now?: () => Date;
};

export type TSyncSummary = TBatchCounts & { runId: string; status: "succeeded" | "failed"; seen: number; total: number | null; revokedUpstream: number; warnings: string[]; error?: string };

const MAX_WARNINGS = 20;
const PROGRESS_EVERY_MS = 500;

class SyncRefused extends Error {}

function failureText(error: unknown, runId: string): string {
  if (isProviderError(error) || isAppError(error) || error instanceof SyncRefused) return error.message.slice(0, 2000);
  return `Unexpected error during the sync; the details are in the server log under sync run ${runId}.`;
}

/** Marks, in batches, what a complete sync no longer saw: revoked upstream, audited, rescored. */
async function sweepGoneUpstream(prisma: PrismaClient, providerId: string, startedAt: Date, now: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const gone = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; external_id: string }[]>(
        `UPDATE credentials SET status = 'revoked', revoked_upstream_at = $3::timestamp(3), updated_at = $3::timestamp(3)
          WHERE id IN (SELECT id FROM credentials
                        WHERE provider_id = $1::uuid AND revoked_upstream_at IS NULL
                          AND last_synced_at IS NOT NULL AND last_synced_at < $2::timestamp(3)
                        ORDER BY id LIMIT $4::int FOR UPDATE SKIP LOCKED)
          RETURNING id::text AS id, external_id`,
        providerId,
        startedAt.toISOString(),
        now.toISOString(),
        batchSize,
      );
      for (const row of rows) {
        await appendAuditEvent(tx, null, {
          action: "credential.revoked_upstream",
          targetType: "credential",
          targetId: row.id,
          summary: { providerId, externalId: row.external_id, by: "provider sync" },
        });
      }
      await recomputeCredentials(tx, rows.map((r) => r.id), { now });
      return rows.length;
    });
    total += gone;
    if (gone < batchSize) return total;
  }
}

export async function syncProvider(prisma: PrismaClient, options: TSyncOptions): Promise<TSyncSummary | { status: "skipped"; reason: string }> {
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const provider = await prisma.provider.findUnique({ where: { id: options.providerId } });
  if (!provider) return { status: "skipped", reason: "the provider was deleted" };

  const startedAt = clock();
  const run = await prisma.providerSyncRun.create({
    data: { providerId: provider.id, jobId: options.jobId ?? null, trigger: options.trigger, requestedBy: options.requestedBy ?? null, startedAt },
  });
  await prisma.provider.update({ where: { id: provider.id }, data: { syncStatus: "running" } });

  const counts: TBatchCounts = { identities: 0, created: 0, updated: 0, unchanged: 0, restored: 0 };
  const warnings: string[] = [];
  let seen = 0;
  let total: number | null = null;
  let lastReport = 0;
  const report = async (force = false) => {
    if (!force && Date.now() - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = Date.now();
    await options.onProgress?.(seen, total, `${counts.created} new, ${counts.updated + counts.restored} changed`);
    await prisma.providerSyncRun.update({ where: { id: run.id }, data: { seen, total, ...counts } });
  };

  try {
    const blocker = syncBlocker(provider);
    if (blocker) throw new SyncRefused(blocker);
    const definition = connectorFor(provider.type as TConnectorType);
    if (!definition.capabilities.sync.supported || !provider.encryptedCredentials) throw new SyncRefused("unreachable: checked by syncBlocker");
    const { config, secret } = parseConnectorInput(definition, provider.config, decryptSecret(provider.encryptedCredentials, provider.id));

    let identities: TSyncedIdentity[] = [];
    let credentials: TSyncedCredential[] = [];
    let itemsSeen = 0;
    const flush = async () => {
      if (identities.length === 0 && credentials.length === 0) return;
      const batch = { identities, credentials };
      identities = [];
      credentials = [];
      const done = await prisma.$transaction((tx) => applySyncBatch(tx, provider.id, batch, clock()), { timeout: 60_000 });
      for (const key of Object.keys(counts) as (keyof TBatchCounts)[]) counts[key] += done[key];
      await report();
    };
    for await (const item of definition.capabilities.sync.run({ config, secret })) {
      if (item.kind === "progress") {
        seen = item.seen;
        total = item.total ?? total;
        continue;
      }
      if (item.kind === "warning") {
        if (warnings.length < MAX_WARNINGS) warnings.push(item.message.slice(0, 500));
        continue;
      }
      itemsSeen++;
      if (item.kind === "identity") identities.push(item);
      else credentials.push(item);
      if (identities.length + credentials.length >= batchSize) await flush();
    }
    await flush();
    // A connector that reports no progress: what it yielded is what was seen.
    if (seen === 0) seen = itemsSeen;
    const revokedUpstream = await sweepGoneUpstream(prisma, provider.id, startedAt, clock(), batchSize);
    const finishedAt = clock();
    await prisma.$transaction(async (tx) => {
      await tx.providerSyncRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt, seen, total, ...counts, revokedUpstream, warnings, error: null } });
      await tx.provider.update({ where: { id: provider.id }, data: { syncStatus: "ok", lastSyncAt: finishedAt, lastSyncError: null } });
      await appendAuditEvent(tx, null, {
        action: "providers.sync_completed",
        targetType: "provider",
        targetId: provider.id,
        summary: { name: provider.name, runId: run.id, trigger: options.trigger, requestedBy: options.requestedBy ?? null, seen, ...counts, revokedUpstream, warnings: warnings.length },
      });
    });
    await options.onProgress?.(seen, total ?? seen, "done");
    return { runId: run.id, status: "succeeded", seen, total, ...counts, revokedUpstream, warnings };
  } catch (error) {
    if (!isProviderError(error) && !isAppError(error) && !(error instanceof SyncRefused)) {
      logger.error("provider sync failed", { providerId: provider.id, runId: run.id, error });
    }
    const message = failureText(error, run.id);
    const finishedAt = clock();
    await prisma.$transaction(async (tx) => {
      await tx.providerSyncRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt, seen, total, ...counts, error: message } });
      await tx.provider.update({ where: { id: provider.id }, data: { syncStatus: "error", lastSyncAt: finishedAt, lastSyncError: message } });
      await appendAuditEvent(tx, null, {
        action: "providers.sync_failed",
        targetType: "provider",
        targetId: provider.id,
        summary: { name: provider.name, runId: run.id, trigger: options.trigger, requestedBy: options.requestedBy ?? null, seen, ...counts, error: message },
      });
    });
    return { runId: run.id, status: "failed", seen, total, ...counts, revokedUpstream: 0, warnings, error: message };
  }
}

import "server-only";
import { isProviderError } from "@/lib/connectors/provider-error";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { PROVIDER_SYNC_JOB_TYPE } from "@/lib/providers/jobs";
import { parseConnectorInput } from "./connector-input";
import { syncBlocker } from "./sync-blocker";

async function lockProvider(tx: TTx, id: string) {
  const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM providers WHERE id = $1::uuid FOR UPDATE`, id);
  if (!locked) throw new AppError("NOT_FOUND", "No such provider.");
  return tx.provider.findUniqueOrThrow({ where: { id } });
}

export type TConnectionTest = { ok: boolean; message: string; retryable?: boolean; status?: number };

/**
 * Tests a saved provider, outside any transaction (the call may take up to the timeout). A failure
 * is a result, recorded in the audit trail by `recordProviderTest`, not an error.
 */
export async function testProvider(prisma: PrismaClient, id: string): Promise<TConnectionTest> {
  const provider = await prisma.provider.findUnique({ where: { id } });
  if (!provider) throw new AppError("NOT_FOUND", "No such provider.");
  if (!isConnectorType(provider.type)) throw new AppError("CONFLICT", `Provider type "${provider.type}" has no connector to test with.`);
  if (!provider.encryptedCredentials) throw new AppError("CONFLICT", "This provider has no secret yet: edit it and enter one.");
  const definition = connectorFor(provider.type);
  const test = definition.capabilities.testConnection;
  if (!test.supported) return { ok: false, message: test.reason };
  try {
    const { config, secret } = parseConnectorInput(definition, provider.config, decryptSecret(provider.encryptedCredentials, provider.id));
    return { ok: true, message: (await test.run({ config, secret })).detail };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return { ok: false, message: error.message, retryable: error.retryable, status: error.status };
  }
}

export async function recordProviderTest(tx: TTx, id: string, result: TConnectionTest): Promise<TRunOutcome<TConnectionTest>> {
  const provider = await lockProvider(tx, id);
  return { data: result, audit: { targetType: "provider", targetId: id, summary: { name: provider.name, ...result } } };
}

export async function setProviderEnabled(tx: TTx, id: string, enabled: boolean): Promise<TRunOutcome<{ id: string; enabled: boolean }>> {
  const provider = await lockProvider(tx, id);
  if (provider.enabled === enabled) throw new AppError("CONFLICT", `${provider.name} is already ${enabled ? "enabled" : "disabled"}.`);
  await tx.provider.update({ where: { id }, data: { enabled } });
  return { data: { id, enabled }, audit: { targetType: "provider", targetId: id, summary: { name: provider.name, before: { enabled: provider.enabled }, after: { enabled } } } };
}

/** Deleting is refused while credentials reference the provider: their history would be lost. */
export async function deleteProvider(tx: TTx, id: string): Promise<TRunOutcome<{ id: string }>> {
  const provider = await lockProvider(tx, id);
  const credentials = await tx.credential.count({ where: { providerId: id } });
  if (credentials > 0) {
    throw new AppError("CONFLICT", `${provider.name} is referenced by ${credentials} credential${credentials === 1 ? "" : "s"}: disable it instead, or remove those first.`);
  }
  await tx.provider.delete({ where: { id } });
  return { data: { id }, audit: { targetType: "provider", targetId: id, summary: { name: provider.name, type: provider.type, config: provider.config } } };
}

export type TSyncRequested = { id: string; jobId: string };

/**
 * Queues a sync (the providers.sync job). Refused, with the reason, when the provider cannot sync
 * or a sync of it is already queued or running: one sync per provider at a time.
 */
export async function requestProviderSync(tx: TTx, id: string, requestedBy: string): Promise<TRunOutcome<TSyncRequested>> {
  const provider = await lockProvider(tx, id);
  const blocker = syncBlocker(provider);
  if (blocker) throw new AppError("CONFLICT", blocker);
  const { id: jobId, enqueued } = await enqueueJob(tx, { type: PROVIDER_SYNC_JOB_TYPE, payload: { providerId: id, trigger: "manual", requestedBy }, requeue: "if-finished" });
  if (!enqueued) throw new AppError("CONFLICT", `A sync of ${provider.name} is already queued or running.`);
  return { data: { id, jobId }, audit: { targetType: "provider", targetId: id, summary: { name: provider.name, jobId } } };
}

import "server-only";
import { randomUUID } from "node:crypto";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { TCreateProvider, TProviderView, TUpdateProvider } from "@/lib/providers/schemas";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { parseConnectorInput, requireWorkingConnection } from "./connector-input";

type TRow = { id: string; type: string; name: string; config: unknown; encryptedCredentials: string | null; enabled: boolean; syncSchedule: string | null };
export function providerView(row: TRow): TProviderView {
  return {
    id: row.id, type: row.type, name: row.name, config: row.config as Record<string, unknown>,
    secretSet: row.encryptedCredentials !== null, enabled: row.enabled, syncSchedule: row.syncSchedule,
  };
}

async function requireFreeName(tx: TTx, name: string, exceptId?: string) {
  const clash = await tx.provider.findFirst({ where: { name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `A provider named "${name}" already exists.`, { fieldErrors: { name: ["This name is taken"] } });
}

/** Creates a provider only once its connection works; the secret is stored encrypted, bound to the row id. */
export async function createProvider(tx: TTx, input: TCreateProvider): Promise<TRunOutcome<TProviderView>> {
  const definition = connectorFor(input.type);
  const { config, secret } = parseConnectorInput(definition, input.config, input.secret);
  await requireFreeName(tx, input.name);
  const detail = await requireWorkingConnection(definition, config, secret);
  const id = randomUUID();
  const row = await tx.provider.create({
    data: { id, type: input.type, name: input.name, config: config as object, encryptedCredentials: encryptSecret(secret, id), syncSchedule: input.syncSchedule ?? null },
  });
  return { data: providerView(row), audit: { targetType: "provider", targetId: id, summary: { name: input.name, type: input.type, config, syncSchedule: row.syncSchedule, test: detail } } };
}

/** Updates name and config, and the secret only when a new one is given; tested before saving. */
export async function updateProvider(tx: TTx, input: TUpdateProvider): Promise<TRunOutcome<TProviderView>> {
  const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM providers WHERE id = $1::uuid FOR UPDATE`, input.id);
  if (!locked) throw new AppError("NOT_FOUND", "No such provider.");
  const before = await tx.provider.findUniqueOrThrow({ where: { id: input.id } });
  if (!isConnectorType(before.type)) throw new AppError("CONFLICT", `Provider type "${before.type}" has no connector; it cannot be edited here.`);
  const definition = connectorFor(before.type);
  const parsed = parseConnectorInput(definition, input.config, input.secret);
  const config = parsed.config;
  let secret = parsed.secret;
  if (!input.secret) {
    if (!before.encryptedCredentials) throw new AppError("VALIDATION", undefined, { fieldErrors: { secret: ["This provider has no secret yet: enter one"] } });
    secret = decryptSecret(before.encryptedCredentials, before.id);
  }
  await requireFreeName(tx, input.name, input.id);
  const detail = await requireWorkingConnection(definition, config, secret);
  const row = await tx.provider.update({
    where: { id: input.id },
    data: {
      name: input.name,
      config: config as object,
      ...(input.syncSchedule !== undefined ? { syncSchedule: input.syncSchedule } : {}),
      ...(input.secret ? { encryptedCredentials: encryptSecret(secret, input.id) } : {}),
    },
  });
  return {
    data: providerView(row),
    audit: {
      targetType: "provider",
      targetId: row.id,
      summary: {
        name: row.name,
        before: { name: before.name, config: before.config, syncSchedule: before.syncSchedule },
        after: { name: row.name, config, syncSchedule: row.syncSchedule },
        secretReplaced: Boolean(input.secret),
        test: detail,
      },
    },
  };
}

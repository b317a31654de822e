import "server-only";
import { randomUUID } from "node:crypto";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { TCreateProvider, TProviderView, TUpdateProvider } from "@/lib/providers/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { parseConnectorInput, requireWorkingConnection } from "./connector-input";

type TRow = { id: string; type: string; name: string; config: unknown; encryptedCredentials: string | null; enabled: boolean; syncSchedule: string | null };
export function providerView(row: TRow): TProviderView {
  return {
    id: row.id, type: row.type, name: row.name, config: row.config as Record<string, unknown>,
    secretSet: row.encryptedCredentials !== null, enabled: row.enabled, syncSchedule: row.syncSchedule,
  };
}

type TDb = Pick<TTx, "provider">;

async function requireFreeName(db: TDb, name: string, exceptId?: string) {
  const clash = await db.provider.findFirst({ where: { name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `A provider named "${name}" already exists.`, { fieldErrors: { name: ["This name is taken"] } });
}

/** What the connection test established, outside the transaction (it may take up to the timeout). */
export type TTestedInput = { config: unknown; secret: unknown; detail: string };

/** Parses and tests a new provider's settings; nothing is written yet. */
export async function prepareCreate(prisma: PrismaClient, input: TCreateProvider): Promise<TTestedInput> {
  const definition = connectorFor(input.type);
  const { config, secret } = parseConnectorInput(definition, input.config, input.secret);
  await requireFreeName(prisma, input.name);
  return { config, secret, detail: await requireWorkingConnection(definition, config, secret) };
}

/** Creates a provider whose connection was just tested; the secret is stored encrypted, bound to the row id. */
export async function createProvider(tx: TTx, input: TCreateProvider, tested: TTestedInput): Promise<TRunOutcome<TProviderView>> {
  await requireFreeName(tx, input.name);
  const { config, secret, detail } = tested;
  const id = randomUUID();
  const row = await tx.provider.create({
    data: { id, type: input.type, name: input.name, config: config as object, encryptedCredentials: encryptSecret(secret, id), syncSchedule: input.syncSchedule ?? null },
  });
  return { data: providerView(row), audit: { targetType: "provider", targetId: id, summary: { name: input.name, type: input.type, config, syncSchedule: row.syncSchedule, test: detail } } };
}

/** The row as the test saw it: an edit saved by someone else meanwhile is a conflict, not overwritten. */
export type TTestedUpdate = TTestedInput & { seenUpdatedAt: number };

/** Parses the new settings (keeping the stored secret unless a new one is given) and tests them. */
export async function prepareUpdate(prisma: PrismaClient, input: TUpdateProvider): Promise<TTestedUpdate> {
  const before = await prisma.provider.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError("NOT_FOUND", "No such provider.");
  if (!isConnectorType(before.type)) throw new AppError("CONFLICT", `Provider type "${before.type}" has no connector; it cannot be edited here.`);
  const definition = connectorFor(before.type);
  const parsed = parseConnectorInput(definition, input.config, input.secret);
  let secret = parsed.secret;
  if (!input.secret) {
    if (!before.encryptedCredentials) throw new AppError("VALIDATION", undefined, { fieldErrors: { secret: ["This provider has no secret yet: enter one"] } });
    secret = decryptSecret(before.encryptedCredentials, before.id);
  }
  await requireFreeName(prisma, input.name, input.id);
  const detail = await requireWorkingConnection(definition, parsed.config, secret);
  return { config: parsed.config, secret, detail, seenUpdatedAt: before.updatedAt.getTime() };
}

/** Saves what prepareUpdate tested: name and config, and the secret only when a new one was given. */
export async function updateProvider(tx: TTx, input: TUpdateProvider, tested: TTestedUpdate): Promise<TRunOutcome<TProviderView>> {
  const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM providers WHERE id = $1::uuid FOR UPDATE`, input.id);
  if (!locked) throw new AppError("NOT_FOUND", "No such provider.");
  const before = await tx.provider.findUniqueOrThrow({ where: { id: input.id } });
  if (before.updatedAt.getTime() !== tested.seenUpdatedAt) {
    throw new AppError("CONFLICT", `${before.name} was changed by someone else while its connection was being tested: reload and try again.`);
  }
  await requireFreeName(tx, input.name, input.id);
  const { config, secret, detail } = tested;
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

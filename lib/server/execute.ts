import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { can, type TPermission } from "@/lib/auth/permissions";
import { appendAuditEvent, type TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { AppError, isAppError, toPublicError, type TPublicError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * The one pipeline behind every server action and route handler:
 *   actor → permission → zod input → run (in a transaction) → audit event (same transaction) → typed result.
 * Entry points (lib/server/action.ts, lib/server/route.ts) only resolve the actor and the raw input.
 */

export type TTx = Prisma.TransactionClient;

export type TRunContext<TInput> = { actor: TActor; input: TInput; tx: TTx };

/** What a run returns: its data, and the audit record of what it did (written by the pipeline). */
export type TRunOutcome<TData> = { data: TData; audit: Omit<TAuditRecord, "action"> & { action?: string } };

export type TOperation<TSchema extends z.ZodType, TData> = {
  /** Stable name, also the audit action ("users.update_role"). */
  name: string;
  permission: TPermission;
  input: TSchema;
  run: (ctx: TRunContext<z.infer<TSchema>>) => Promise<TRunOutcome<TData>>;
};

export type TResult<TData> = { ok: true; data: TData } | { ok: false; error: TPublicError };

export async function executeOperation<TSchema extends z.ZodType, TData>(
  prisma: PrismaClient,
  op: TOperation<TSchema, TData>,
  actor: TActor | null,
  rawInput: unknown,
): Promise<TResult<TData>> {
  try {
    if (!actor) throw new AppError("UNAUTHENTICATED");
    if (!can(actor.role, op.permission)) {
      await recordDenial(prisma, op, actor);
      throw new AppError("FORBIDDEN");
    }
    const parsed = op.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError("VALIDATION", describeIssues(parsed.error), { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    const data = await prisma.$transaction(async (tx) => {
      const outcome = await op.run({ actor, input: parsed.data, tx });
      await appendAuditEvent(tx, actor, { ...outcome.audit, action: outcome.audit.action ?? op.name });
      return outcome.data;
    });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toPublicError(normaliseError(error, op.name)) };
  }
}

export function normaliseError(error: unknown, where: string): AppError {
  if (isAppError(error)) return error;
  // A cancelled statement is the cost cap doing its job: the user can narrow the query.
  if (isStatementTimeout(error)) {
    logger.warn("statement timeout", { where });
    return new AppError("TIMEOUT", undefined, { cause: error });
  }
  logger.error("unexpected error", { where, error });
  return new AppError("INTERNAL");
}

async function recordDenial(prisma: PrismaClient, op: { name: string; permission: TPermission }, actor: TActor) {
  // A denial only happens to crafted requests (the UI hides what a role cannot do): worth a record.
  await prisma.$transaction((tx) =>
    appendAuditEvent(tx, actor, {
      action: "access.denied",
      targetType: "operation",
      targetId: op.name,
      summary: { permission: op.permission, role: actor.role },
    }),
  );
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

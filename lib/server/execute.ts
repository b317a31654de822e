import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { can, type TPermission } from "@/lib/auth/permissions";
import { appendAuditEvent, type TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { AppError, isAppError, toPublicError, type TPublicError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { recordDenial } from "@/lib/server/record-denial";

/**
 * The one pipeline behind every server action and route handler:
 *   actor → permission → zod input → run (in a transaction) → audit event (same transaction) → typed result.
 * Entry points (lib/server/action.ts, lib/server/route.ts) only resolve the actor and the raw input.
 */

export type TTx = Prisma.TransactionClient;

export type TRunContext<TInput> = { actor: TActor; input: TInput; tx: TTx };

/** One audit record an operation describes; `action` defaults to the operation's name. */
export type TAuditDraft = Omit<TAuditRecord, "action"> & { action?: string };

/**
 * What a run returns: its data, and the audit record(s) of what it did — written by the pipeline in
 * the run's transaction, in order. Operations never append audit events themselves.
 */
export type TRunOutcome<TData> = { data: TData; audit: TAuditDraft | [TAuditDraft, ...TAuditDraft[]] | [...TAuditDraft[], TAuditDraft] };

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
      await recordDenial(prisma, actor, { targetType: "operation", targetId: op.name, permission: op.permission });
      throw new AppError("FORBIDDEN");
    }
    const parsed = op.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError("VALIDATION", describeIssues(parsed.error), { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    const data = await prisma.$transaction(async (tx) => {
      const outcome = await op.run({ actor, input: parsed.data, tx });
      for (const record of Array.isArray(outcome.audit) ? outcome.audit : [outcome.audit]) {
        await appendAuditEvent(tx, actor, { ...record, action: record.action ?? op.name });
      }
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

import { fieldLabel } from "@/lib/errors/zod-messages";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { authorize, authorizeResources, recordResourceDenial, ResourceDenied, type TLockedResource, type TResourceRef } from "@/lib/auth/authorize";
import type { TPermission } from "@/lib/auth/permissions";
import { appendAuditEvent, type TAuditRecord } from "@/lib/audit/services/append-audit-event";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { AppError, isAppError, toPublicError, type TPublicError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * The one pipeline behind every server action and route handler:
 *   actor → permission (role gate) → zod input → [lock targets → resource gate] → run → audit event
 *   → typed result, everything after the input check in one transaction.
 * Entry points (lib/server/action.ts, lib/server/route.ts) only resolve the actor and the raw input.
 */

export type TTx = Prisma.TransactionClient;

export type TRunContext<TInput, TPrepared = undefined> = {
  actor: TActor;
  input: TInput;
  tx: TTx;
  /** The locked targets, when the operation declares a resource. */
  resources?: TLockedResource[];
  /** What `prepare` returned, outside the transaction. */
  prepared: TPrepared;
};

export type TPrepareContext<TInput> = { actor: TActor; input: TInput; prisma: PrismaClient; resources?: TLockedResource[] };

/** One audit record an operation describes; `action` defaults to the operation's name. */
export type TAuditDraft = Omit<TAuditRecord, "action"> & { action?: string };

/**
 * What a run returns: its data, and the audit record(s) of what it did — written by the pipeline in
 * the run's transaction, in order. Operations never append audit events themselves.
 */
export type TRunOutcome<TData> = { data: TData; audit: TAuditDraft | [TAuditDraft, ...TAuditDraft[]] | [...TAuditDraft[], TAuditDraft] };

export type TOperation<TSchema extends z.ZodType, TData, TPrepared = undefined> = {
  /** Stable name, also the audit action ("users.update_role"). */
  name: string;
  permission: TPermission;
  input: TSchema;
  /**
   * What the operation acts on, when the permission's reach can be "owned": the pipeline locks those
   * rows and checks the actor may act on each before `run` (lib/auth/authorize.ts).
   */
  resource?: (input: z.infer<TSchema>, ctx: { tx: TTx; actor: TActor }) => TResourceRef | Promise<TResourceRef>;
  /**
   * Slow work that must not hold the transaction (and its row locks; on PGlite, the one connection)
   * open: a call to a provider, up to its timeout. It runs after the role gate and input check and,
   * when the operation declares a resource, after the targets were checked in a short transaction of
   * their own; `run` then locks and checks them again, so nothing changed in between goes unseen.
   * It must not write: whatever it learns reaches `run` as `prepared`, which writes and audits.
   */
  prepare?: (ctx: TPrepareContext<z.infer<TSchema>>) => Promise<TPrepared>;
  run: (ctx: TRunContext<z.infer<TSchema>, TPrepared>) => Promise<TRunOutcome<TData>>;
  /** How long `run`'s transaction may take when the default (60 s) is too short: an all-or-nothing write of thousands of rows. */
  transactionTimeoutMs?: number;
  /**
   * Best-effort follow-up once `run`'s transaction has committed (waking a job): whatever it locks is
   * not held for the whole transaction, so concurrent runs do not queue on it. It must be safe to
   * miss (a cron backstop); a failure is logged, the committed result still returned.
   */
  // Method syntax: operations are stored as TOperation<…, unknown>, which needs the bivariant parameter.
  afterCommit?(ctx: { prisma: PrismaClient; data: TData }): Promise<void>;
};

/** Any operation, whatever its input, data and prepared types: what tests and registries hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the three parameters are invariant; `any` is the only common supertype
export type TAnyOperation = TOperation<any, any, any>;

export type TResult<TData> = { ok: true; data: TData } | { ok: false; error: TPublicError };

export async function executeOperation<TSchema extends z.ZodType, TData, TPrepared = undefined>(
  prisma: PrismaClient,
  op: TOperation<TSchema, TData, TPrepared>,
  actor: TActor | null,
  rawInput: unknown,
): Promise<TResult<TData>> {
  try {
    const who = await authorize(prisma, actor, op.permission, { targetType: "operation", targetId: op.name });
    const parsed = op.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError("VALIDATION", describeIssues(parsed.error), { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    // A resource may be computed in the transaction (an inventory filter's matches: ownership.assign_matching).
    const gate = async (tx: TTx) => (op.resource ? authorizeResources(tx, who, op.permission, await op.resource(parsed.data, { tx, actor: who })) : undefined);
    const recordDenial = async (error: unknown) => {
      // The denial is recorded after the rollback, outside the refused transaction.
      if (error instanceof ResourceDenied) await recordResourceDenial(prisma, who, op.permission, error);
      throw error;
    };
    let prepared = undefined as TPrepared;
    if (op.prepare) {
      const resources = op.resource ? await prisma.$transaction(gate).catch(recordDenial) : undefined;
      prepared = await op.prepare({ actor: who, input: parsed.data, prisma, resources });
    }
    const data = await prisma
      .$transaction(async (tx) => {
        const resources = await gate(tx);
        const outcome = await op.run({ actor: who, input: parsed.data, tx, resources, prepared });
        for (const record of Array.isArray(outcome.audit) ? outcome.audit : [outcome.audit]) {
          await appendAuditEvent(tx, who, { ...record, action: record.action ?? op.name });
        }
        return outcome.data;
      }, op.transactionTimeoutMs ? { timeout: op.transactionTimeoutMs } : undefined)
      .catch(recordDenial);
    if (op.afterCommit) {
      await op.afterCommit({ prisma, data }).catch((error: unknown) => logger.warn("after-commit step failed", { where: op.name, error }));
    }
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
    // The error map's messages name their field ("Version must be at least 0"); a schema's own wording
    // may not ("must be higher than high (60), got 50"), and then the path says where.
    .map((i) => (i.path.length && !i.message.toLowerCase().startsWith(fieldLabel(i.path).toLowerCase()) ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

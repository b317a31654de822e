import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { executeOperation, type TOperation, type TResult } from "@/lib/server/execute";

/**
 * The typed server-action wrapper. Every "use server" export in lib/<domain>/actions.ts is made by
 * `defineAction`; the RBAC matrix test finds them through `operationOf` and fails on any export
 * that is not.
 */

export type TServerAction<TSchema extends z.ZodType, TData> = (input: z.input<TSchema>) => Promise<TResult<TData>>;

const operations = new WeakMap<(...args: never[]) => unknown, TOperation<z.ZodType, unknown>>();

export function defineAction<TSchema extends z.ZodType, TData, TPrepared = undefined>(op: TOperation<TSchema, TData, TPrepared>): TServerAction<TSchema, TData> {
  const action = async (input: z.input<TSchema>) => {
    // Imported on call: keeps Auth.js out of the module graph of tests that only inspect operations.
    const { getCurrentActor } = await import("@/lib/auth/session");
    return executeOperation(await db(), op, await getCurrentActor(), input);
  };
  operations.set(action, op as unknown as TOperation<z.ZodType, unknown>);
  return action;
}

export function operationOf(fn: unknown): TOperation<z.ZodType, unknown> | undefined {
  return typeof fn === "function" ? operations.get(fn as (...args: never[]) => unknown) : undefined;
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";
import { canonicalPolicy, type TRotationPolicy } from "@/lib/rotation-policies/schema";
import { loadActiveRotationPolicy } from "@/lib/rotation-policies/services/active-rotation-policy";

/**
 * A new rotation policy version. Concurrent editors are serialised by an advisory lock and the
 * `baseVersion` check; rules may only name providers that exist (a typo'd id would silently match
 * nothing). The caller's transaction also writes the audit record.
 */

export const ROTATION_POLICY_LOCK_KEY = 7_264_110_778;

export async function saveRotationPolicy(tx: TTx, actor: TActor, input: { document: TRotationPolicy; baseVersion: number; comment?: string }) {
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${ROTATION_POLICY_LOCK_KEY})`);
  const active = await loadActiveRotationPolicy(tx);
  if (active.version !== input.baseVersion) {
    throw new AppError("CONFLICT", `The rotation policy changed since you opened it: v${active.version} is now in force, you edited v${input.baseVersion}. Reload, then apply your change again.`);
  }
  const named = [...new Set(input.document.rules.flatMap((r) => r.scope.providerIds))];
  if (named.length) {
    const found = new Set((await tx.provider.findMany({ where: { id: { in: named } }, select: { id: true } })).map((p) => p.id));
    const fieldErrors: Record<string, string[]> = {};
    input.document.rules.forEach((r, i) => {
      r.scope.providerIds.forEach((id, j) => {
        if (!found.has(id)) fieldErrors[`document.rules.${i}.scope.providerIds.${j}`] = ["No such provider"];
      });
    });
    if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "A rule names a provider that does not exist.", { fieldErrors });
  }
  if (canonicalPolicy(active.policy) === canonicalPolicy(input.document)) throw new AppError("CONFLICT", `Nothing to save: this is the policy in force (v${active.version}).`);
  const version = active.version + 1;
  await tx.rotationPolicy.create({ data: { version, document: input.document, comment: input.comment || null, createdById: actor.id } });
  return { version, previousVersion: active.version };
}

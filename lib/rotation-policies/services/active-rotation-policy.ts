import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import { DEFAULT_ROTATION_POLICY, ZRotationPolicy, type TRotationPolicy } from "@/lib/rotation-policies/schema";

/** The rotation policy in force: the highest stored version, or version 0 (no rules, no reminders). */

export type TActiveRotationPolicy = { version: number; policy: TRotationPolicy; comment: string | null; createdAt: Date | null; createdById: string | null };

export async function loadActiveRotationPolicy(db: PrismaClient | TTx): Promise<TActiveRotationPolicy> {
  const row = await db.rotationPolicy.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, policy: DEFAULT_ROTATION_POLICY, comment: "Built-in default: no rules", createdAt: null, createdById: null };
  const parsed = ZRotationPolicy.safeParse(row.document);
  // Stored documents were validated on write: one that no longer parses is a bug, reported loudly.
  if (!parsed.success) throw new Error(`stored rotation policy v${row.version} is not valid: ${parsed.error.issues[0]?.message}`);
  return { version: row.version, policy: parsed.data, comment: row.comment, createdAt: row.createdAt, createdById: row.createdById };
}

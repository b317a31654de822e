import type { TTx } from "@/lib/server/execute";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_POLICY, DEFAULT_POLICY_VERSION } from "@/lib/risk/policy/default-policy";
import { validatePolicy } from "@/lib/risk/policy/validate";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";

/**
 * The policy in force: the highest stored version, or the built-in default (version 0) before an
 * admin has saved one. Stored documents were validated on write; one that no longer parses (a schema
 * change without a migration) is a bug, reported loudly rather than scored with a guess.
 */

export type TActivePolicy = { version: number; policy: TRiskPolicy; comment: string | null; createdAt: Date | null; createdById: string | null };

type TDb = PrismaClient | TTx;

export async function loadActivePolicy(db: TDb): Promise<TActivePolicy> {
  const row = await db.riskPolicy.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: DEFAULT_POLICY_VERSION, policy: DEFAULT_POLICY, comment: "Built-in default", createdAt: null, createdById: null };
  return { version: row.version, policy: parseStored(row.version, row.document), comment: row.comment, createdAt: row.createdAt, createdById: row.createdById };
}

export async function loadPolicyVersion(db: TDb, version: number): Promise<TActivePolicy | null> {
  if (version === DEFAULT_POLICY_VERSION) return { version, policy: DEFAULT_POLICY, comment: "Built-in default", createdAt: null, createdById: null };
  const row = await db.riskPolicy.findUnique({ where: { version } });
  return row ? { version, policy: parseStored(version, row.document), comment: row.comment, createdAt: row.createdAt, createdById: row.createdById } : null;
}

function parseStored(version: number, document: unknown): TRiskPolicy {
  const result = validatePolicy(document);
  if (!result.ok) throw new Error(`stored risk policy v${version} is not valid: ${result.errors.slice(0, 3).join("; ")}`);
  return result.policy;
}

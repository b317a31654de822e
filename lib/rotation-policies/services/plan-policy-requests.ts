import "server-only";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import { backoffUntil, DAY, matchCredential, type TAutoApprovalCeiling, type TPolicyCandidate, type TRuleMatch } from "@/lib/rotation-policies/match";
import type { TRotationPolicy, TRotationRule } from "@/lib/rotation-policies/schema";
import { planWorkflow } from "@/lib/workflows/plan";

/**
 * What a rotation policy would do now: the credentials its rules ask to rotate, minus those with a
 * workflow already open and those backing off after a rejected or expired policy request; each with
 * the connector's answer (the provider issues the replacement, the owner must create it, or it
 * cannot be rotated here and why). The job acts on it; the settings page's dry run shows it.
 */

export const OPEN_STATES_EXCLUDED = ["completed", "rejected", "expired", "rolled_back", "abandoned"] as const;
const FAILED = new Set(["rejected", "expired", "rolled_back", "abandoned"]);
/** Candidates read per rule and run: a first run over a large inventory catches up over a few ticks. */
export const PER_RULE_LIMIT = 2000;

export type TPolicyItem = {
  credential: { id: string; name: string; providerName: string };
  match: TRuleMatch;
  /** "issue": the provider issues the replacement; "replacement": the owner creates it and confirms; "blocked": no request. */
  path: "issue" | "replacement" | "blocked";
  reason: string | null;
};

export type TPolicyPlan = { items: TPolicyItem[]; open: number; backingOff: number };

function dueWhere(rule: TRotationRule, now: number): Prisma.CredentialWhereInput[] {
  const before = (days: number) => new Date(now - days * DAY);
  const or: Prisma.CredentialWhereInput[] = [];
  if (rule.maxTtlDays !== null) or.push({ issuedAt: { lte: before(rule.maxTtlDays) } }, { issuedAt: null, createdAt: { lte: before(rule.maxTtlDays) } });
  if (rule.rotateEveryDays !== null) {
    const at = before(rule.rotateEveryDays);
    or.push({ lastRotatedAt: { lte: at } }, { lastRotatedAt: null, issuedAt: { lte: at } }, { lastRotatedAt: null, issuedAt: null, createdAt: { lte: at } });
  }
  return or;
}

export async function planPolicyRequests(db: PrismaClient | TTx, policy: TRotationPolicy, ceiling: TAutoApprovalCeiling, now = new Date()): Promise<TPolicyPlan> {
  const t = now.getTime();
  type TRow = Awaited<ReturnType<typeof load>>[number];
  const load = (rule: TRotationRule) =>
    db.credential.findMany({
      where: {
        status: "active",
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: dueWhere(rule, t) }],
        ...(rule.scope.providerIds.length ? { providerId: { in: rule.scope.providerIds } } : {}),
        ...(rule.scope.kinds.length ? { kind: { in: rule.scope.kinds } } : {}),
        ...(rule.scope.levels.length ? { risk: { level: { in: rule.scope.levels } } } : {}),
      },
      select: {
        id: true, name: true, kind: true, providerId: true, createdAt: true, issuedAt: true, lastRotatedAt: true,
        risk: { select: { level: true } },
        provider: { select: { name: true, type: true, enabled: true, sensitivity: true, encryptedCredentials: true } },
      },
      orderBy: { id: "asc" },
      take: PER_RULE_LIMIT,
    });
  const rows = new Map<string, TRow>();
  for (const rule of policy.rules) {
    if (!rule.enabled) continue;
    for (const row of await load(rule)) rows.set(row.id, row);
  }
  const ids = [...rows.keys()];
  if (ids.length === 0) return { items: [], open: 0, backingOff: 0 };

  const openFor = new Set(
    (await db.workflow.findMany({ where: { credentialId: { in: ids }, state: { notIn: [...OPEN_STATES_EXCLUDED] } }, select: { credentialId: true } })).map((w) => w.credentialId),
  );
  const requests = await db.policyRequest.findMany({ where: { credentialId: { in: ids } }, orderBy: { createdAt: "desc" }, select: { credentialId: true, workflowId: true, createdAt: true } });
  const ended = await db.workflow.findMany({ where: { id: { in: requests.map((r) => r.workflowId) } }, select: { id: true, state: true, decidedAt: true, approvalDueAt: true, completedAt: true } });
  const states = new Map(ended.map((w) => [w.id, w.state as string]));
  // The back-off runs from when the request ended (rejected, expired unanswered, rolled back), not from when it was opened.
  const endOf = new Map(ended.map((w) => [w.id, (w.state === "expired" ? w.approvalDueAt : w.completedAt ?? w.decidedAt)?.getTime() ?? 0]));
  const history = new Map<string, { last: number; failures: number; counting: boolean }>();
  for (const r of requests) {
    const h = history.get(r.credentialId) ?? { last: Math.max(r.createdAt.getTime(), endOf.get(r.workflowId) ?? 0), failures: 0, counting: true };
    if (h.counting && FAILED.has(states.get(r.workflowId) ?? "")) h.failures++;
    else h.counting = false;
    history.set(r.credentialId, h);
  }

  const plan: TPolicyPlan = { items: [], open: 0, backingOff: 0 };
  for (const row of rows.values()) {
    const candidate: TPolicyCandidate = {
      id: row.id, kind: row.kind, providerId: row.providerId, providerSensitivity: row.provider.sensitivity, level: row.risk?.level ?? "none",
      createdAt: row.createdAt.getTime(), issuedAt: row.issuedAt?.getTime() ?? null, lastRotatedAt: row.lastRotatedAt?.getTime() ?? null,
    };
    const match = matchCredential(policy, candidate, t, ceiling);
    if (!match) continue;
    if (openFor.has(row.id)) { plan.open++; continue; }
    const h = history.get(row.id);
    if (h && t < backoffUntil(h.last, h.failures, policy.backoffDays)) { plan.backingOff++; continue; }
    const p = planWorkflow({
      kind: "rotation",
      credentialKind: row.kind,
      provider: { name: row.provider.name, enabled: row.provider.enabled, secretSet: row.provider.encryptedCredentials !== null },
      connector: isConnectorType(row.provider.type) ? connectorFor(row.provider.type) : null,
    });
    // A provider that revokes only a presented token needs a person to paste it: a policy cannot.
    const blocked = !p.possible ? p.reason : p.revokeNeedsValue ? `${row.provider.name} revokes it only when its value is presented: someone must request this rotation and paste it.` : null;
    plan.items.push({
      credential: { id: row.id, name: row.name, providerName: row.provider.name },
      match,
      path: blocked ? "blocked" : p.possible && p.canIssue ? "issue" : "replacement",
      reason: blocked,
    });
  }
  plan.items.sort((a, b) => a.credential.name.localeCompare(b.credential.name) || a.credential.id.localeCompare(b.credential.id));
  return plan;
}

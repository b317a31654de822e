import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/access";
import { ownedCondition } from "@/lib/auth/resource-scope";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SqlParams } from "@/lib/inventory/query-builder";
import { planWorkflow, type TWorkflowPlan } from "@/lib/workflows/plan";
import type { TWorkflowListQuery } from "@/lib/workflows/schemas";
import { TERMINAL_STATES, type TWorkflowKind, type TWorkflowState } from "@/lib/workflows/state-machine";

/**
 * What the workflow pages read. Lists are keyset-paged by (created_at, id), newest first. "My
 * approvals" is the requests the actor may decide: open, not theirs, on a credential they or their
 * team own — the same rule the decide operation enforces.
 */

export const WORKFLOW_PAGE_SIZE = 50;
const TERMINAL_SQL = `(${TERMINAL_STATES.map((s) => `'${s}'`).join(", ")})`;

export type TWorkflowRow = {
  id: string;
  kind: TWorkflowKind;
  state: TWorkflowState;
  breakGlass: boolean;
  credential: { id: string; name: string };
  provider: { id: string; name: string };
  requestedBy: string;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  approvalDueAt: string | null;
  lastError: string | null;
};

type TRawRow = {
  id: string; kind: TWorkflowKind; state: TWorkflowState; break_glass: boolean; credential_id: string; credential_name: string; provider_id: string; provider_name: string;
  requested_by_label: string; reason: string | null; created_at: Date; updated_at: Date; approval_due_at: Date | null; last_error: { message?: string } | null;
};

function pendingApprovalCondition(actor: Pick<TActor, "id" | "teamIds">, p: SqlParams): string {
  return `w.state = 'requested' AND (w.requested_by_id IS NULL OR w.requested_by_id <> ${p.add(actor.id, "uuid")}) AND ${ownedCondition(actor, p, "c")}`;
}

export async function listWorkflows(prisma: PrismaClient, actor: TActor, query: TWorkflowListQuery): Promise<{ items: TWorkflowRow[]; nextCursor: string | null; readAt: number }> {
  const p = new SqlParams();
  const where: string[] = [];
  if (query.view === "open") where.push(`w.state NOT IN ${TERMINAL_SQL}`);
  if (query.view === "approvals") where.push(pendingApprovalCondition(actor, p));
  if (query.view === "mine") where.push(`(w.requested_by_id = ${p.add(actor.id, "uuid")} OR ${ownedCondition(actor, p, "c")})`);
  if (query.kind) where.push(`w.kind = ${p.add(query.kind, `"WorkflowKind"`)}`);
  if (query.breakGlass) where.push("w.break_glass");
  if (query.provider) where.push(`w.provider_id = ${p.add(query.provider, "uuid")}`);
  if (query.cursor) {
    const [created, id] = [query.cursor.slice(0, 24), query.cursor.slice(25)];
    where.push(`(w.created_at, w.id) < (${p.add(created, "timestamp(3)")}, ${p.add(id, "uuid")})`);
  }
  const rows = await prisma.$queryRawUnsafe<TRawRow[]>(
    `SELECT w.id::text AS id, w.kind::text AS kind, w.state::text AS state, w.break_glass, c.id::text AS credential_id, c.name AS credential_name,
            pr.id::text AS provider_id, pr.name AS provider_name, w.requested_by_label, w.reason, w.created_at, w.updated_at, w.approval_due_at, w.last_error
       FROM workflows w JOIN credentials c ON c.id = w.credential_id JOIN providers pr ON pr.id = w.provider_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY w.created_at DESC, w.id DESC
      LIMIT ${WORKFLOW_PAGE_SIZE + 1}`,
    ...p.values,
  );
  const page = rows.slice(0, WORKFLOW_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id, kind: r.kind, state: r.state, breakGlass: r.break_glass,
      credential: { id: r.credential_id, name: r.credential_name }, provider: { id: r.provider_id, name: r.provider_name },
      requestedBy: r.requested_by_label, reason: r.reason, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
      approvalDueAt: r.approval_due_at?.toISOString() ?? null, lastError: r.last_error?.message ?? null,
    })),
    nextCursor: rows.length > WORKFLOW_PAGE_SIZE && last ? `${last.created_at.toISOString()}_${last.id}` : null,
    readAt: Date.now(),
  };
}

/** The count beside "Workflows" in the navigation: requests waiting for this actor's decision. */
export async function countPendingApprovals(prisma: PrismaClient, actor: TActor): Promise<number> {
  if (!allows(actor, "workflows.approve")) return 0;
  const p = new SqlParams();
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM workflows w JOIN credentials c ON c.id = w.credential_id WHERE ${pendingApprovalCondition(actor, p)}`,
    ...p.values,
  );
  return row?.n ?? 0;
}

export type TWorkflowEventView = { id: string; at: string; actor: string; type: string; from: TWorkflowState | null; to: TWorkflowState | null; detail: Record<string, unknown> };

export type TWorkflowDetail = TWorkflowRow & {
  credentialOwner: { ownerId: string | null; teamId: string | null };
  requestedById: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  failedStep: TWorkflowState | null;
  lastErrorDetail: { message?: string; retryable?: boolean; status?: number | null; step?: string; attempt?: number } | null;
  stepAttempts: number;
  nextRunAt: string | null;
  newCredential: { id: string; name: string } | null;
  secretHeld: boolean;
  secretExpiresAt: string | null;
  secretRevealedAt: string | null;
  completedAt: string | null;
  events: TWorkflowEventView[];
  plan: TWorkflowPlan;
  batchId: string | null;
  readAt: number;
};

export async function getWorkflowDetail(prisma: PrismaClient, id: string): Promise<TWorkflowDetail | null> {
  const w = await prisma.workflow.findUnique({
    where: { id },
    include: {
      credential: { select: { id: true, name: true, kind: true, ownerId: true, teamId: true, provider: { select: { id: true, name: true, type: true, enabled: true, encryptedCredentials: true } } } },
      newCredential: { select: { id: true, name: true } },
      events: { orderBy: { at: "asc" }, take: 500 },
    },
  });
  if (!w) return null;
  const provider = w.credential.provider;
  const lastError = (w.lastError as TWorkflowDetail["lastErrorDetail"]) ?? null;
  return {
    id: w.id, kind: w.kind, state: w.state, breakGlass: w.breakGlass,
    credential: { id: w.credential.id, name: w.credential.name }, provider: { id: provider.id, name: provider.name },
    requestedBy: w.requestedByLabel, reason: w.reason, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
    approvalDueAt: w.approvalDueAt?.toISOString() ?? null, lastError: lastError?.message ?? null,
    credentialOwner: { ownerId: w.credential.ownerId, teamId: w.credential.teamId },
    requestedById: w.requestedById,
    decidedBy: w.decidedByLabel, decidedAt: w.decidedAt?.toISOString() ?? null, decisionComment: w.decisionComment,
    failedStep: w.failedStep, lastErrorDetail: lastError, stepAttempts: w.stepAttempts, nextRunAt: w.nextRunAt?.toISOString() ?? null,
    newCredential: w.newCredential, secretHeld: w.pendingSecret !== null, secretExpiresAt: w.secretExpiresAt?.toISOString() ?? null,
    secretRevealedAt: w.secretRevealedAt?.toISOString() ?? null, completedAt: w.completedAt?.toISOString() ?? null,
    events: w.events.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actorLabel, type: e.type, from: e.fromState, to: e.toState, detail: (e.detail as Record<string, unknown>) ?? {} })),
    plan: planWorkflow({
      kind: w.kind,
      credentialKind: w.credential.kind,
      provider: { name: provider.name, enabled: provider.enabled, secretSet: provider.encryptedCredentials !== null },
      connector: isConnectorType(provider.type) ? connectorFor(provider.type) : null,
    }),
    batchId: w.batchId,
    readAt: Date.now(),
  };
}

export type TCredentialWorkflows = {
  recent: TWorkflowRow[];
  open: TWorkflowRow | null;
  plans: { rotation: TWorkflowPlan; revocation: TWorkflowPlan };
  /** Enabled delivery targets a rotation may send its new secret to. */
  deliveryTargets: { id: string; name: string }[];
};

/** The credential page's Workflows card: its recent workflows, the open one, and what could be requested. */
export async function getCredentialWorkflows(prisma: PrismaClient, credentialId: string): Promise<TCredentialWorkflows | null> {
  const c = await prisma.credential.findUnique({ where: { id: credentialId }, select: { kind: true, provider: { select: { name: true, type: true, enabled: true, encryptedCredentials: true } } } });
  if (!c) return null;
  const rows = await prisma.workflow.findMany({
    where: { credentialId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    include: { credential: { select: { id: true, name: true } } },
  });
  const provider = { name: c.provider.name, enabled: c.provider.enabled, secretSet: c.provider.encryptedCredentials !== null };
  const connector = isConnectorType(c.provider.type) ? connectorFor(c.provider.type) : null;
  const recent: TWorkflowRow[] = rows.map((w) => ({
    id: w.id, kind: w.kind, state: w.state, breakGlass: w.breakGlass, credential: w.credential, provider: { id: w.providerId, name: c.provider.name },
    requestedBy: w.requestedByLabel, reason: w.reason, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
    approvalDueAt: w.approvalDueAt?.toISOString() ?? null, lastError: (w.lastError as { message?: string } | null)?.message ?? null,
  }));
  const deliveryTargets = await prisma.deliveryTarget.findMany({ where: { enabled: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return {
    deliveryTargets,
    recent,
    open: recent.find((w) => !(TERMINAL_STATES as readonly string[]).includes(w.state)) ?? null,
    plans: {
      rotation: planWorkflow({ kind: "rotation", credentialKind: c.kind, provider, connector }),
      revocation: planWorkflow({ kind: "revocation", credentialKind: c.kind, provider, connector }),
    },
  };
}

import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/access";
import { reachOf, ROLES } from "@/lib/auth/permissions";
import { ownedCondition } from "@/lib/auth/resource-scope";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SqlParams } from "@/lib/inventory/query-builder";
import type { TFactorResult, TRiskLevel } from "@/lib/risk/model";
import type { TReviewDecision, TReviewItemView } from "@/lib/reviews/schemas";

/**
 * What the review pages read. Everyone reads every campaign ("owner: see all"; auditors as
 * evidence); what the actor may do is computed here with the same rule the operations enforce.
 */

export const REVIEW_ITEMS_PAGE_SIZE = 100;

export type TCampaignState = "open" | "overdue" | "closed";

export type TCampaignRow = {
  id: string;
  name: string;
  status: "open" | "closed";
  state: TCampaignState;
  dueAt: string;
  createdAt: string;
  createdBy: string;
  items: number;
  decided: number;
  /** Undecided items the actor (or their team) is asked to review. */
  myPending: number;
};

function stateOf(status: string, dueAt: Date, now: number): TCampaignState {
  if (status === "closed") return "closed";
  return dueAt.getTime() < now ? "overdue" : "open";
}

type TCampaignRaw = { id: string; name: string; status: "open" | "closed"; due_at: Date; created_at: Date; created_by_label: string; item_count: number; decided: number; my_pending: number };

/** Campaigns with their progress and the actor's pending count: all (open first, soonest due), or one. */
async function campaignRows(prisma: PrismaClient, actor: TActor, now: number, id?: string): Promise<TCampaignRow[]> {
  const p = new SqlParams();
  const mine = ownedCondition(actor, p, "i");
  const rows = await prisma.$queryRawUnsafe<TCampaignRaw[]>(
    `SELECT c.id::text AS id, c.name, c.status::text AS status, c.due_at, c.created_at, c.created_by_label, c.item_count,
            (SELECT count(*)::int FROM review_items i WHERE i.campaign_id = c.id AND i.decision IS NOT NULL) AS decided,
            (SELECT count(*)::int FROM review_items i WHERE i.campaign_id = c.id AND i.decision IS NULL AND ${mine}) AS my_pending
       FROM review_campaigns c
      ${id ? `WHERE c.id = ${p.add(id, "uuid")}` : ""}
      ORDER BY (c.status = 'closed'), c.due_at, c.id
      LIMIT 200`,
    ...p.values,
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, status: r.status, state: stateOf(r.status, r.due_at, now), dueAt: r.due_at.toISOString(), createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_label, items: r.item_count, decided: r.decided, myPending: r.status === "closed" ? 0 : r.my_pending,
  }));
}

/** Every campaign (open first, soonest due) and when it was read (the page's "now"). */
export async function listCampaigns(prisma: PrismaClient, actor: TActor): Promise<{ rows: TCampaignRow[]; readAt: number }> {
  const readAt = Date.now();
  return { rows: await campaignRows(prisma, actor, readAt), readAt };
}

/** The new-campaign form's dates (YYYY-MM-DD): due in two weeks by default, tomorrow at the earliest. */
export function newCampaignDates(): { defaultDue: string; minDue: string } {
  const now = Date.now();
  return { defaultDue: new Date(now + 14 * 86_400_000).toISOString().slice(0, 10), minDue: new Date(now + 86_400_000).toISOString().slice(0, 10) };
}

export type TReviewerProgress = { key: string; label: string; kind: "person" | "team"; total: number; decided: number; overdue: number };

export type TReviewItemRow = {
  id: string;
  credentialId: string;
  credentialExists: boolean;
  name: string;
  providerName: string;
  kind: string;
  assignment: "owner" | "team" | "orphan";
  reviewer: string;
  /** At launch (the frozen snapshot) and now (with the current factors as evidence). */
  launchRisk: { level: TRiskLevel; score: number };
  risk: { level: TRiskLevel; score: number; factors: Pick<TFactorResult, "id" | "title" | "points" | "severity" | "evidence">[] } | null;
  decision: TReviewDecision | null;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  overdue: boolean;
  outcome: string | null;
  outcomeDetail: string | null;
  workflowId: string | null;
  canAttest: boolean;
};

export type TCampaignDetail = {
  campaign: TCampaignRow & { description: string | null; filter: string; orphanReviewer: string | null; closedAt: string | null; closedBy: string | null; overdueAt: string | null; lastRemindedAt: string | null };
  reviewers: TReviewerProgress[];
  outcomes: { kept: number; requested: number; notRequested: number; notReviewed: number };
  items: TReviewItemRow[];
  view: TReviewItemView;
  page: number;
  pages: number;
  viewTotal: number;
  permissions: { manage: boolean; attestAny: boolean };
  readAt: number;
};

type TItemRaw = {
  id: string; credential_id: string; credential_exists: boolean; name: string; provider_name: string; kind: string; assignment: "owner" | "team" | "orphan";
  owner_id: string | null; team_id: string | null; owner_name: string | null; team_name: string | null; risk_level: TRiskLevel; risk_score: number;
  now_level: TRiskLevel | null; now_score: number | null; factors: TFactorResult[] | null; decision: TReviewDecision | null; comment: string | null;
  decided_by_label: string | null; decided_at: Date | null; overdue: boolean; outcome: string | null; outcome_detail: string | null; workflow_id: string | null;
};

export async function getCampaignDetail(prisma: PrismaClient, id: string, actor: TActor, options: { view: TReviewItemView; page: number }, now = Date.now()): Promise<TCampaignDetail | null> {
  const c = await prisma.reviewCampaign.findUnique({ where: { id } });
  if (!c) return null;
  const open = c.status === "open";

  const progress = await prisma.$queryRawUnsafe<{ key: string; label: string; kind: "person" | "team"; total: number; decided: number; overdue: number }[]>(
    `SELECT COALESCE(i.owner_id, i.team_id)::text AS key,
            COALESCE(u.name, t.name, 'Unassigned') AS label,
            CASE WHEN i.owner_id IS NOT NULL THEN 'person' ELSE 'team' END AS kind,
            count(*)::int AS total, count(i.decision)::int AS decided, count(*) FILTER (WHERE i.overdue AND i.decision IS NULL)::int AS overdue
       FROM review_items i
       LEFT JOIN users u ON u.id = i.owner_id
       LEFT JOIN teams t ON t.id = i.team_id AND i.owner_id IS NULL
      WHERE i.campaign_id = $1::uuid
      GROUP BY 1, 2, 3
      ORDER BY (count(*) - count(i.decision)) DESC, 2`,
    id,
  );
  const outcomeRows = await prisma.$queryRawUnsafe<{ outcome: string | null; n: number }[]>(`SELECT outcome, count(*)::int AS n FROM review_items WHERE campaign_id = $1::uuid GROUP BY outcome`, id);
  const outcome = (o: string) => outcomeRows.find((r) => r.outcome === o)?.n ?? 0;

  const p = new SqlParams();
  const where = [`i.campaign_id = ${p.add(id, "uuid")}`];
  if (options.view === "mine") where.push(ownedCondition(actor, p, "i"));
  if (options.view === "pending") where.push("i.decision IS NULL");
  if (options.view === "decided") where.push("i.decision IS NOT NULL");
  const [counted] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM review_items i WHERE ${where.join(" AND ")}`, ...p.values);
  const viewTotal = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(viewTotal / REVIEW_ITEMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await prisma.$queryRawUnsafe<TItemRaw[]>(
    `SELECT i.id::text AS id, i.credential_id::text AS credential_id, (cr.id IS NOT NULL) AS credential_exists, i.name, i.provider_name, i.kind, i.assignment,
            i.owner_id::text AS owner_id, i.team_id::text AS team_id, u.name AS owner_name, t.name AS team_name, i.risk_level, i.risk_score,
            r.level::text AS now_level, r.score::float8 AS now_score, r.factors, i.decision::text AS decision, i.comment, i.decided_by_label, i.decided_at,
            i.overdue, i.outcome, i.outcome_detail, i.workflow_id::text AS workflow_id
       FROM review_items i
       LEFT JOIN credentials cr ON cr.id = i.credential_id
       LEFT JOIN credential_risks r ON r.credential_id = i.credential_id
       LEFT JOIN users u ON u.id = i.owner_id
       LEFT JOIN teams t ON t.id = i.team_id
      WHERE ${where.join(" AND ")}
      ORDER BY (i.decision IS NOT NULL), i.risk_score DESC, i.id
      LIMIT ${REVIEW_ITEMS_PAGE_SIZE} OFFSET ${(page - 1) * REVIEW_ITEMS_PAGE_SIZE}`,
    ...p.values,
  );
  const [row] = await campaignRows(prisma, actor, now, id);
  return {
    campaign: {
      ...row!,
      description: c.description,
      filter: c.filter,
      orphanReviewer: c.orphanReviewerId ? ((await prisma.user.findUnique({ where: { id: c.orphanReviewerId }, select: { name: true } }))?.name ?? null) : null,
      closedAt: c.closedAt?.toISOString() ?? null,
      closedBy: c.closedByLabel,
      overdueAt: c.overdueAt?.toISOString() ?? null,
      lastRemindedAt: c.lastRemindedAt?.toISOString() ?? null,
    },
    reviewers: progress,
    outcomes: { kept: outcome("kept"), requested: outcome("requested"), notRequested: outcome("not_requested"), notReviewed: outcome("not_reviewed") },
    items: rows.map((r) => ({
      id: r.id,
      credentialId: r.credential_id,
      credentialExists: r.credential_exists,
      name: r.name,
      providerName: r.provider_name,
      kind: r.kind,
      assignment: r.assignment,
      reviewer: r.owner_name ?? (r.team_name ? `${r.team_name} (team)` : "Unassigned"),
      launchRisk: { level: r.risk_level, score: r.risk_score },
      risk: r.now_level ? { level: r.now_level, score: Math.round(r.now_score ?? 0), factors: [...(r.factors ?? [])].sort((a, b) => b.points - a.points).map(({ id: fid, title, points, severity, evidence }) => ({ id: fid, title, points, severity, evidence })) } : null,
      decision: r.decision,
      comment: r.comment,
      decidedBy: r.decided_by_label,
      decidedAt: r.decided_at?.toISOString() ?? null,
      overdue: r.overdue,
      outcome: r.outcome,
      outcomeDetail: r.outcome_detail,
      workflowId: r.workflow_id,
      canAttest: open && allows(actor, "reviews.attest", { ownerId: r.owner_id, teamId: r.team_id }),
    })),
    view: options.view,
    page,
    pages,
    viewTotal,
    permissions: { manage: allows(actor, "reviews.manage"), attestAny: open && allows(actor, "reviews.attest") },
    readAt: now,
  };
}

/** Who may review orphaned credentials: active users whose role may attest (not auditors). */
export async function listOrphanReviewers(): Promise<{ id: string; label: string }[]> {
  const prisma = await db();
  const users = await prisma.user.findMany({ where: { active: true, role: { in: ROLES.filter((r) => reachOf(r, "reviews.attest")) } }, select: { id: true, name: true, role: true }, orderBy: [{ role: "asc" }, { name: "asc" }], take: 500 });
  return users.map((u) => ({ id: u.id, label: `${u.name} (${u.role})` }));
}

/** The newest campaigns by name, for the Reports page's "Access review results" choice. */
export async function listCampaignChoices(prisma: PrismaClient, take = 100): Promise<{ id: string; name: string }[]> {
  return prisma.reviewCampaign.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, name: true } });
}

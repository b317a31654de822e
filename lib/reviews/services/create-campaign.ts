import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { prismaReader } from "@/lib/db/sql-reader";
import { filterConditions, SqlParams } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { filterToSearchParams } from "@/lib/inventory/query-params";
import { orphanedSql } from "@/lib/inventory/orphaned";
import { parseFilterString } from "@/lib/ownership/services/resolve-matching-credentials";
import type { TRunOutcome, TTx } from "@/lib/server/execute";
import { MAX_CAMPAIGN_ITEMS, type TCreateCampaign } from "@/lib/reviews/schemas";
import { notifyReviewers } from "./notify-reviewers";

/**
 * Launch a campaign: the inventory filter is read again on the server (never ids from the browser)
 * and its matches are materialised as items, each with a snapshot of the credential and whom it is
 * assigned to — so the scope is frozen: a credential created, re-owned or re-scored later does not
 * change the campaign. Assignment: the credential's active owner (read, like "orphaned", from the
 * credential or else its identity) together with its team; team-owned with no active owner → the
 * team; orphaned (no team, no active owner) → the orphan reviewer, who must then be chosen.
 */

export type TCreatedCampaign = { id: string; items: number; byAssignment: Record<"owner" | "team" | "orphan", number> };

const MAX_DUE_DAYS = 366;
const DAY = 86_400_000;

type TMatch = { id: string; name: string; provider_name: string; kind: string; level: string; score: number; owner_id: string | null; team_id: string | null; orphaned: boolean };

export async function createCampaign(tx: TTx, actor: TActor, input: TCreateCampaign, now = new Date()): Promise<TRunOutcome<TCreatedCampaign>> {
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= now.getTime() + 3_600_000) {
    throw new AppError("VALIDATION", "Due date must be at least an hour from now.", { fieldErrors: { dueAt: ["Must be in the future"] } });
  }
  if (dueAt.getTime() > now.getTime() + MAX_DUE_DAYS * DAY) {
    throw new AppError("VALIDATION", `Due date must be within ${MAX_DUE_DAYS} days.`, { fieldErrors: { dueAt: [`Within ${MAX_DUE_DAYS} days`] } });
  }
  const filter = parseFilterString(input.filter);
  const canonical = filterToSearchParams(filter).toString();

  const p = new SqlParams();
  // Resolved first, as the list does: a rare tag ordered by id otherwise walks the primary key.
  const where = filterConditions(filter, now, p, { viewer: actor, ...(await resolveFilter(prismaReader(tx), filter)) });
  const rows = await tx.$queryRawUnsafe<TMatch[]>(
    `SELECT c.id::text AS id, c.name, c.provider_name, c.kind::text AS kind,
            COALESCE(r.level::text, 'none') AS level, COALESCE(r.score, 0)::float8 AS score,
            (SELECT u.id::text FROM users u WHERE u.id = COALESCE(c.owner_id, i.owner_id) AND u.active) AS owner_id,
            COALESCE(c.team_id, i.team_id)::text AS team_id,
            ${orphanedSql("c")} AS orphaned
       FROM credentials c
       LEFT JOIN credential_risks r ON r.credential_id = c.id
       LEFT JOIN identities i ON i.id = c.identity_id
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY c.id LIMIT ${MAX_CAMPAIGN_ITEMS + 1}`,
    ...p.values,
  );
  if (rows.length === 0) throw new AppError("VALIDATION", "This filter matches no credential: there is nothing to review.", { fieldErrors: { filter: ["Matches nothing"] } });
  if (rows.length > MAX_CAMPAIGN_ITEMS) {
    const cap = MAX_CAMPAIGN_ITEMS.toLocaleString("en-US");
    throw new AppError("VALIDATION", `This filter matches more than ${cap} credentials; a campaign reviews at most ${cap}. Narrow the filter.`, { fieldErrors: { filter: ["Too many matches"] } });
  }
  if (rows.length !== input.expected) {
    throw new AppError("CONFLICT", `The filter now matches ${rows.length} credentials, not the ${input.expected} shown. Look at the preview again.`);
  }

  const orphans = rows.filter((r) => r.orphaned).length;
  let orphanReviewer: { id: string; name: string } | null = null;
  if (input.orphanReviewerId) {
    const user = await tx.user.findUnique({ where: { id: input.orphanReviewerId }, select: { id: true, name: true, role: true, active: true } });
    if (!user || !user.active) throw new AppError("VALIDATION", "The orphan reviewer must be an active user.", { fieldErrors: { orphanReviewerId: ["No such active user"] } });
    if (!reachOf(user.role, "reviews.attest")) throw new AppError("VALIDATION", `${user.name} is an auditor and cannot attest; choose someone else.`, { fieldErrors: { orphanReviewerId: ["Cannot attest"] } });
    orphanReviewer = user;
  }
  if (orphans > 0 && !orphanReviewer) {
    throw new AppError("VALIDATION", `${orphans} of the matching credentials ${orphans === 1 ? "is" : "are"} orphaned (no team, no active owner): choose who reviews them.`, {
      fieldErrors: { orphanReviewerId: ["Choose a reviewer for the orphaned credentials"] },
    });
  }

  const campaign = await tx.reviewCampaign.create({
    data: {
      name: input.name,
      description: input.description || null,
      filter: canonical,
      dueAt,
      orphanReviewerId: orphanReviewer?.id ?? null,
      itemCount: rows.length,
      createdById: actor.id,
      createdByLabel: actorLabel(actor),
      createdAt: now,
    },
    select: { id: true },
  });
  const byAssignment = { owner: 0, team: 0, orphan: 0 };
  await tx.reviewItem.createMany({
    data: rows.map((r) => {
      const assignment = r.orphaned ? "orphan" : r.owner_id ? "owner" : "team";
      byAssignment[assignment]++;
      return {
        campaignId: campaign.id,
        credentialId: r.id,
        name: r.name,
        providerName: r.provider_name,
        kind: r.kind,
        riskLevel: r.level,
        riskScore: Math.round(r.score),
        ownerId: r.orphaned ? orphanReviewer!.id : r.owner_id,
        teamId: r.orphaned ? null : r.team_id,
        assignment,
      };
    }),
  });
  await notifyReviewers(tx, {
    campaignId: campaign.id,
    kind: "review.assigned",
    exclude: actor.id,
    title: (n) => `Access review “${input.name}”: ${n} credential${n === 1 ? "" : "s"} to review`,
    detail: `by ${dueAt.toISOString().slice(0, 10)}: keep, rotate or revoke each, with a comment`,
    now,
  });

  return {
    data: { id: campaign.id, items: rows.length, byAssignment },
    audit: {
      targetType: "review_campaign",
      targetId: campaign.id,
      summary: { name: input.name, filter: canonical, dueAt: dueAt.toISOString(), items: rows.length, byAssignment, orphanReviewerId: orphanReviewer?.id ?? null },
    },
  };
}

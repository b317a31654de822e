import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { tally, type TReportSource } from "@/lib/reports/types";

const PAGE = 1_000;

export type TCampaignReportFilter = { campaignId?: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Access review results (lib/reviews): one row per item — the credential as frozen at launch, who
 * it was assigned to, the attestation, and what closing did with it (kept, requested with the
 * workflow id, not requested and why, not reviewed). Keyset on the item id (uuid v7: launch order).
 */
export function campaignsSource(prisma: Pick<PrismaClient, "reviewItem">, filter: TCampaignReportFilter): TReportSource {
  const where = filter.campaignId ? { campaignId: filter.campaignId } : {};
  return {
    title: "Access review results",
    columns: [
      { key: "campaign", title: "Campaign", pdf: 1.6 },
      { key: "campaignId", title: "Campaign id" },
      { key: "dueAt", title: "Due" },
      { key: "campaignStatus", title: "Campaign status" },
      { key: "itemId", title: "Item id" },
      { key: "credential", title: "Credential", pdf: 2 },
      { key: "credentialId", title: "Credential id" },
      { key: "provider", title: "Provider", pdf: 1.2 },
      { key: "riskAtLaunch", title: "Risk at launch", pdf: 0.9 },
      { key: "assignment", title: "Assigned to" },
      { key: "decision", title: "Decision", pdf: 0.9 },
      { key: "comment", title: "Comment", pdf: 1.8 },
      { key: "decidedBy", title: "Decided by", pdf: 1.5 },
      { key: "decidedAt", title: "Decided at" },
      { key: "overdue", title: "Overdue" },
      { key: "outcome", title: "Outcome", pdf: 1.1 },
      { key: "outcomeDetail", title: "Outcome detail" },
      { key: "workflowId", title: "Workflow id" },
    ],
    pages: async function* () {
      let after: string | null = null;
      for (;;) {
        const rows: Prisma.ReviewItemGetPayload<{ include: { campaign: { select: { name: true; dueAt: true; status: true } } } }>[] = await prisma.reviewItem.findMany({
          where: after ? { ...where, id: { gt: after } } : where,
          orderBy: { id: "asc" },
          take: PAGE,
          include: { campaign: { select: { name: true, dueAt: true, status: true } } },
        });
        if (rows.length) {
          yield rows.map((i) => [
            i.campaign.name, i.campaignId, iso(i.campaign.dueAt), i.campaign.status, i.id, i.name, i.credentialId, i.providerName,
            `${i.riskLevel} (${i.riskScore})`, i.assignment, i.decision, i.comment, i.decidedByLabel, iso(i.decidedAt), i.overdue,
            i.outcome, i.outcomeDetail, i.workflowId,
          ]);
        }
        if (rows.length < PAGE) return;
        after = rows.at(-1)!.id;
      }
    },
    summary: () => {
      const decisions = tally(["keep", "rotate", "revoke", "undecided"]);
      let total = 0;
      let overdue = 0;
      let requested = 0;
      let undecided = 0;
      return {
        observe: (row) => {
          total++;
          if (row[10] === null) undecided++;
          decisions.add(row[10] === null ? "undecided" : String(row[10]));
          if (row[14] === true) overdue++;
          if (row[15] === "requested") requested++;
        },
        result: () => ({
          totals: [
            { label: "Items", value: total },
            { label: "Undecided", value: undecided },
            { label: "Overdue", value: overdue },
            { label: "Requests opened", value: requested },
          ],
          chart: { title: "Items by decision", bars: decisions.bars(4) },
        }),
      };
    },
  };
}

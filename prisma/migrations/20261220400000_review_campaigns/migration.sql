-- Access review campaigns (lib/reviews): a campaign and its items, materialised at launch (frozen scope).
-- CreateEnum
CREATE TYPE "ReviewCampaignStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('keep', 'rotate', 'revoke');

-- CreateTable
CREATE TABLE "review_campaigns" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "filter" TEXT NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "status" "ReviewCampaignStatus" NOT NULL DEFAULT 'open',
    "orphan_reviewer_id" UUID,
    "item_count" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_by_label" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_reminded_at" TIMESTAMP(3),
    "overdue_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closed_by_id" UUID,
    "closed_by_label" TEXT,

    CONSTRAINT "review_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "provider_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "risk_level" TEXT NOT NULL,
    "risk_score" INTEGER NOT NULL,
    "owner_id" UUID,
    "team_id" UUID,
    "assignment" TEXT NOT NULL,
    "decision" "ReviewDecision",
    "comment" TEXT,
    "decided_by_id" UUID,
    "decided_by_label" TEXT,
    "decided_at" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,
    "outcome_detail" TEXT,
    "workflow_id" UUID,

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_campaigns_status_due_at_idx" ON "review_campaigns"("status", "due_at");

-- CreateIndex
CREATE INDEX "review_campaigns_created_at_id_idx" ON "review_campaigns"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "review_items_campaign_id_owner_id_idx" ON "review_items"("campaign_id", "owner_id");

-- CreateIndex
CREATE INDEX "review_items_owner_id_campaign_id_idx" ON "review_items"("owner_id", "campaign_id");

-- CreateIndex
CREATE INDEX "review_items_team_id_campaign_id_idx" ON "review_items"("team_id", "campaign_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_items_campaign_id_credential_id_key" ON "review_items"("campaign_id", "credential_id");

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "review_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;


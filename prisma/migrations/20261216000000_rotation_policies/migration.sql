-- Rotation policies (lib/rotation-policies): versioned rule documents, the requests they opened
-- (for back-off), and the expiry reminders sent (once per credential, lead time and expiry).
-- CreateTable
CREATE TABLE "rotation_policies" (
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "comment" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rotation_policies_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "policy_requests" (
    "workflow_id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "rule_id" TEXT NOT NULL,
    "auto_approved" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_requests_pkey" PRIMARY KEY ("workflow_id")
);

-- CreateTable
CREATE TABLE "expiry_reminders" (
    "credential_id" UUID NOT NULL,
    "lead_days" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expiry_reminders_pkey" PRIMARY KEY ("credential_id","lead_days","expires_at")
);

-- CreateIndex
CREATE INDEX "policy_requests_credential_id_created_at_idx" ON "policy_requests"("credential_id", "created_at" DESC);

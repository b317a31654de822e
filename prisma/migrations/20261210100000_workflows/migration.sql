-- Rotation and revocation workflows (lib/workflows): one row per request, its timeline in workflow_events.
-- CreateEnum
CREATE TYPE "WorkflowKind" AS ENUM ('rotation', 'revocation');

-- CreateEnum
CREATE TYPE "WorkflowState" AS ENUM ('requested', 'approved', 'issuing_new', 'delivering', 'verifying_new', 'awaiting_cutover', 'awaiting_replacement', 'revoking_old', 'verifying_old_revoked', 'rolling_back', 'completed', 'rejected', 'expired', 'failed', 'rolled_back', 'abandoned');

-- CreateTable
CREATE TABLE "workflows" (
    "id" UUID NOT NULL,
    "kind" "WorkflowKind" NOT NULL,
    "state" "WorkflowState" NOT NULL DEFAULT 'requested',
    "credential_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "requested_by_id" UUID,
    "requested_by_label" TEXT NOT NULL,
    "reason" TEXT,
    "break_glass" BOOLEAN NOT NULL DEFAULT false,
    "batch_id" UUID,
    "approval_due_at" TIMESTAMP(3),
    "decided_by_id" UUID,
    "decided_by_label" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_comment" TEXT,
    "failed_step" "WorkflowState",
    "last_error" JSONB,
    "step_attempts" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMP(3),
    "new_credential_id" UUID,
    "new_external_id" TEXT,
    "pending_secret" TEXT,
    "secret_expires_at" TIMESTAMP(3),
    "secret_revealed_at" TIMESTAMP(3),
    "old_secret" TEXT,
    "delivered_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_events" (
    "id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "from_state" "WorkflowState",
    "to_state" "WorkflowState",
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "workflow_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflows_state_next_run_at_idx" ON "workflows"("state", "next_run_at");

-- CreateIndex
CREATE INDEX "workflows_credential_id_created_at_idx" ON "workflows"("credential_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "workflows_created_at_id_idx" ON "workflows"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "workflows_batch_id_idx" ON "workflows"("batch_id");

-- CreateIndex
CREATE INDEX "workflow_events_workflow_id_at_idx" ON "workflow_events"("workflow_id", "at");

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_new_credential_id_fkey" FOREIGN KEY ("new_credential_id") REFERENCES "credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- At most one open workflow per credential: a second request while one runs is refused by the
-- database too, whatever races past the application's check.
CREATE UNIQUE INDEX "workflows_one_open_per_credential" ON "workflows"("credential_id")
  WHERE "state" NOT IN ('completed', 'rejected', 'expired', 'rolled_back', 'abandoned');

-- A workflow's timeline is evidence, like the audit trail: rows are only ever inserted.
CREATE TRIGGER workflow_events_reject_update_delete
  BEFORE UPDATE OR DELETE ON "workflow_events"
  FOR EACH ROW EXECUTE FUNCTION tokenward_reject_mutation();

CREATE TRIGGER workflow_events_reject_truncate
  BEFORE TRUNCATE ON "workflow_events"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

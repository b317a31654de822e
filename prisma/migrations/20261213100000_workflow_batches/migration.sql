-- Bulk revocations (lib/workflows/bulk): one batch row, one workflow per eligible credential.
-- CreateTable
CREATE TABLE "workflow_batches" (
    "id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by_id" UUID,
    "requested_by_label" TEXT NOT NULL,
    "filter" TEXT,
    "selected" INTEGER NOT NULL,
    "eligible" INTEGER NOT NULL,
    "skipped" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflow_batches_created_at_idx" ON "workflow_batches"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "workflow_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- usage_pending becomes a queue of plain INSERTs (one row per credential per batch) instead of one
-- upserted row per credential: concurrent ingestion batches touching the same credentials used to
-- wait on each other's row locks until commit; inserts never conflict. The usage.apply job drains
-- all rows of a credential at once and takes the greatest last use.
ALTER TABLE "usage_pending" DROP CONSTRAINT "usage_pending_pkey";
ALTER TABLE "usage_pending" ADD COLUMN "id" BIGSERIAL NOT NULL;
ALTER TABLE "usage_pending" ADD CONSTRAINT "usage_pending_pkey" PRIMARY KEY ("id");
CREATE INDEX "usage_pending_credential_id_idx" ON "usage_pending"("credential_id");

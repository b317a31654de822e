-- Credentials with hops not yet applied (last use, rescoring): filled by usage ingestion, drained by
-- the usage.apply job, so a batch's transaction stays short and never waits on a rescore.
CREATE TABLE "usage_pending" (
    "credential_id" UUID NOT NULL,
    "last_used_at" TIMESTAMP(3),
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_pending_pkey" PRIMARY KEY ("credential_id")
);

ALTER TABLE "usage_pending" ADD CONSTRAINT "usage_pending_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ephemeral credentials (issue #14): revoked through the break-glass path when a usage event says their task ended.
ALTER TABLE "credentials" ADD COLUMN "ephemeral_since" TIMESTAMP(3),
                          ADD COLUMN "task_ended_at" TIMESTAMP(3),
                          ADD COLUMN "ephemeral_secret" TEXT;

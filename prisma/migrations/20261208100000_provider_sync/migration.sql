-- Provider sync (lib/providers/services/sync-provider.ts): when a sync last listed a credential, when
-- a complete sync found it gone upstream, and one history row per sync run.
ALTER TABLE "credentials" ADD COLUMN "last_synced_at" TIMESTAMP(3);
ALTER TABLE "credentials" ADD COLUMN "revoked_upstream_at" TIMESTAMP(3);

CREATE TYPE "SyncRunStatus" AS ENUM ('running', 'succeeded', 'failed');

CREATE TABLE "provider_sync_runs" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "job_id" TEXT,
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "seen" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "revoked_upstream" INTEGER NOT NULL DEFAULT 0,
    "restored" INTEGER NOT NULL DEFAULT 0,
    "identities" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    CONSTRAINT "provider_sync_runs_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "provider_sync_runs_provider_id_started_at_idx" ON "provider_sync_runs"("provider_id", "started_at" DESC);

ALTER TABLE "provider_sync_runs" ADD CONSTRAINT "provider_sync_runs_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- DropForeignKey
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_credential_id_fkey";

-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "consumer_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "exposure_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "risk_factor_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "risk_frameworks" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "risk_policy_version" INTEGER,
ADD COLUMN     "search_vector" tsvector,
ADD COLUMN     "used_scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "run_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "locked_by" TEXT,
    "locked_at" TIMESTAMP(3),
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER,
    "progress_note" TEXT,
    "result" JSONB,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_policies" (
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "comment" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_policies_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "risk_score_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "credential_id" UUID NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" SMALLINT NOT NULL,
    "level" "RiskLevel" NOT NULL,
    "policy_version" INTEGER,

    CONSTRAINT "risk_score_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_daily_counts" (
    "day" DATE NOT NULL,
    "level" "RiskLevel" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "risk_daily_counts_pkey" PRIMARY KEY ("day","level")
);

-- CreateIndex
CREATE INDEX "jobs_status_run_at_idx" ON "jobs"("status", "run_at");

-- CreateIndex
CREATE INDEX "jobs_type_created_at_idx" ON "jobs"("type", "created_at" DESC);

-- CreateIndex
CREATE INDEX "risk_score_snapshots_credential_id_time_idx" ON "risk_score_snapshots"("credential_id", "time" DESC);

-- CreateIndex
CREATE INDEX "credentials_risk_frameworks_idx" ON "credentials" USING GIN ("risk_frameworks");

-- CreateIndex
CREATE INDEX "credentials_search_vector_idx" ON "credentials" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "risk_score_snapshots" ADD CONSTRAINT "risk_score_snapshots_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- search_vector is kept in step by a trigger rather than a generated column: Prisma reads a
-- generation expression as a default and would try to drop it on every `migrate dev`.
-- 'simple' configuration: names, ids and hints are not English prose.
CREATE FUNCTION tokenward_credentials_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('simple',
    coalesce(NEW.name, '') || ' ' || coalesce(NEW.external_id, '') || ' ' || coalesce(NEW.hint, ''));
  RETURN NEW;
END;
$$;

CREATE TRIGGER credentials_search_vector
  BEFORE INSERT OR UPDATE OF name, external_id, hint ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION tokenward_credentials_search_vector();

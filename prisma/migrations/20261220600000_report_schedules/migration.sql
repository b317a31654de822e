-- Scheduled reports (lib/reports/schedules): schedules, their runs (id = export id; the signed
-- manifest is in the audit chain) and each stored run's bytes in 1 MB chunks (bounded retention).
-- CreateTable
CREATE TABLE "report_schedules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "range_days" INTEGER,
    "cron" TEXT NOT NULL,
    "recipient_ids" UUID[],
    "created_by_id" UUID NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "report_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_runs" (
    "id" UUID NOT NULL,
    "schedule_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "file_name" TEXT,
    "row_count" INTEGER,
    "byte_length" BIGINT,
    "sha256" TEXT,
    "error" TEXT,
    "mailed" INTEGER NOT NULL DEFAULT 0,
    "mail_error" TEXT,
    "purged_at" TIMESTAMP(3),
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "report_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_run_chunks" (
    "run_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "report_run_chunks_pkey" PRIMARY KEY ("run_id","seq")
);

-- CreateIndex
CREATE INDEX "report_schedules_created_by_id_idx" ON "report_schedules"("created_by_id");

-- CreateIndex
CREATE INDEX "report_runs_schedule_id_started_at_idx" ON "report_runs"("schedule_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "report_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_run_chunks" ADD CONSTRAINT "report_run_chunks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "report_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;


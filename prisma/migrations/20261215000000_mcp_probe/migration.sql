-- MCP server authorization probe (lib/mcp-servers/probe): settings, append-only run history.
-- AlterTable
ALTER TABLE "mcp_servers" ADD COLUMN     "last_probe_audience_gap" TEXT;

-- CreateTable
CREATE TABLE "mcp_probe_settings" (
    "id" UUID NOT NULL,
    "mcp_server_id" UUID NOT NULL,
    "token_endpoint" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "encrypted_secret" TEXT NOT NULL,
    "other_resource" TEXT,
    "scope" TEXT,
    "expiry_wait_seconds" INTEGER NOT NULL DEFAULT 0,
    "schedule" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mcp_probe_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mcp_probe_runs" (
    "id" UUID NOT NULL,
    "mcp_server_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3) NOT NULL,
    "result" "ProbeResult" NOT NULL,
    "summary" TEXT NOT NULL,
    "checks" JSONB NOT NULL,

    CONSTRAINT "mcp_probe_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mcp_probe_settings_mcp_server_id_key" ON "mcp_probe_settings"("mcp_server_id");

-- CreateIndex
CREATE INDEX "mcp_probe_runs_mcp_server_id_started_at_id_idx" ON "mcp_probe_runs"("mcp_server_id", "started_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "mcp_probe_settings" ADD CONSTRAINT "mcp_probe_settings_mcp_server_id_fkey" FOREIGN KEY ("mcp_server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mcp_probe_runs" ADD CONSTRAINT "mcp_probe_runs_mcp_server_id_fkey" FOREIGN KEY ("mcp_server_id") REFERENCES "mcp_servers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A run is history: it is never rewritten (deleting the server removes its runs with it).
CREATE FUNCTION mcp_probe_runs_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mcp_probe_runs is append-only';
END;
$$;
CREATE TRIGGER mcp_probe_runs_append_only BEFORE UPDATE ON "mcp_probe_runs"
  FOR EACH ROW EXECUTE FUNCTION mcp_probe_runs_no_update();

-- Config scan ingestion (issue #12): an exposure found in an MCP client config names the server entry
-- and the key path it sat under and when a scan last saw it; a scanned server is found again by its
-- discovery key.
ALTER TABLE "exposures" ADD COLUMN "mcp_server_id" UUID;
ALTER TABLE "exposures" ADD COLUMN "key_path" TEXT;
ALTER TABLE "exposures" ADD COLUMN "last_seen_at" TIMESTAMP(3);
CREATE INDEX "exposures_mcp_server_id_idx" ON "exposures"("mcp_server_id");
ALTER TABLE "exposures" ADD CONSTRAINT "exposures_mcp_server_id_fkey" FOREIGN KEY ("mcp_server_id") REFERENCES "mcp_servers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "mcp_servers" ADD COLUMN "discovery_key" TEXT;
CREATE UNIQUE INDEX "mcp_servers_discovery_key_key" ON "mcp_servers"("discovery_key");

-- The privilege classes of a credential's granted scopes (lib/scopes: read, write, admin, wildcard,
-- unknown), broadest first, written by the risk engine with the score (every scope change rescores).
-- The inventory's privilege= filter reads it through the GIN index. Rows scored before this
-- migration hold '{}' until their next scoring: the writer compares it, so the next full recompute
-- (daily, or Settings → Risk policy → Recompute) fills every row.
ALTER TABLE "credential_risks" ADD COLUMN "privileges" TEXT[] DEFAULT ARRAY[]::TEXT[];
CREATE INDEX "credential_risks_privileges_idx" ON "credential_risks" USING GIN ("privileges");

-- "provider + status" by risk walked the (score, credential_id) index probing each credential for
-- its provider: at 1M rows the largest provider holds 26% of credentials but few of the riskiest, so
-- one page probed ~1,900 credentials (15-20 ms p50). provider_id copies the credential's onto the
-- risk row, and (provider_id, score, credential_id) gives each provider its own risk order: the walk
-- reads that provider's rows only. Kept like owner_id: set when the risk row is created and by a
-- per-row trigger when the credential's provider changes; never written by application code or by
-- the risk engine's UPDATE (it leaves the column alone).

ALTER TABLE "credential_risks" ADD COLUMN "provider_id" UUID;

UPDATE "credential_risks" r SET "provider_id" = c."provider_id"
  FROM "credentials" c
 WHERE c."id" = r."credential_id";

CREATE OR REPLACE FUNCTION tokenward_credentials_risk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO credential_risks (credential_id, owner_id, never_expires, provider_id)
  SELECT id, owner_id, expires_at IS NULL, provider_id FROM inserted_credentials;
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_credentials_risk_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_risks SET provider_id = NEW.provider_id WHERE credential_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_provider
  AFTER UPDATE OF provider_id ON "credentials"
  FOR EACH ROW WHEN (OLD.provider_id IS DISTINCT FROM NEW.provider_id)
  EXECUTE FUNCTION tokenward_credentials_risk_provider();

CREATE INDEX "credential_risks_provider_id_score_credential_id_idx" ON "credential_risks"("provider_id", "score", "credential_id");

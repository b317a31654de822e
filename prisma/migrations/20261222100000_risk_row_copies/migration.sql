-- A filtered page by risk walks a (score, credential_id) index of credential_risks and probed each
-- credential for the filtered column. At 1M rows, for one page:
--   * provider + status: the largest provider holds 26 % of credentials but few of the riskiest,
--     ~1,860 probes (15-20 ms p50);
--   * never expiring + write scopes: ~4 % of the riskiest never-expiring rows carry a write scope,
--     ~1,300 probes (13-16 ms);
--   * a search matching 5 %: ~1,050 probes (~10 ms).
-- provider_id, scopes and search_vector copy the credential's onto the risk row (~230 bytes on a
-- ~1 kB row), so the walk checks the row it has already read; (provider_id, score, credential_id)
-- gives each provider its own risk order. Kept like owner_id and never_expires: set when the risk row
-- is created, and by one per-row trigger when any of them changes on the credential (search_vector is
-- rebuilt by the credential's own BEFORE trigger from name, external_id and hint, hence those
-- columns). Never written by application code or by the risk engine's UPDATE.

ALTER TABLE "credential_risks" ADD COLUMN "provider_id" UUID,
  ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "search_vector" tsvector;

UPDATE "credential_risks" r SET "provider_id" = c."provider_id", "scopes" = c."scopes", "search_vector" = c."search_vector"
  FROM "credentials" c
 WHERE c."id" = r."credential_id";

CREATE OR REPLACE FUNCTION tokenward_credentials_risk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO credential_risks (credential_id, owner_id, never_expires, provider_id, scopes, search_vector)
  SELECT id, owner_id, expires_at IS NULL, provider_id, scopes, search_vector FROM inserted_credentials;
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_credentials_risk_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_risks SET provider_id = NEW.provider_id, scopes = NEW.scopes, search_vector = NEW.search_vector
   WHERE credential_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_copies
  AFTER UPDATE OF provider_id, scopes, name, external_id, hint, search_vector ON "credentials"
  FOR EACH ROW WHEN (OLD.provider_id IS DISTINCT FROM NEW.provider_id OR OLD.scopes IS DISTINCT FROM NEW.scopes
                     OR OLD.search_vector IS DISTINCT FROM NEW.search_vector)
  EXECUTE FUNCTION tokenward_credentials_risk_copies();

CREATE INDEX "credential_risks_provider_id_score_credential_id_idx" ON "credential_risks"("provider_id", "score", "credential_id");

-- "never expiring, write scopes" by risk walked the never-expiring partial index and probed each
-- credential for its scopes: at 1M rows 19.5 % of never-expiring credentials carry a write scope but
-- only ~4 % of the riskiest, so one page probed ~1,300 credentials (13-16 ms p50). scopes copies the
-- credential's onto the risk row (~70 bytes on a ~1 kB row), so a scope filter by risk is checked on
-- the row the walk has already read. Kept like owner_id: set when the risk row is created and by a
-- per-row trigger when the credential's scopes change (a scope change is rescored anyway); never
-- written by application code or by the risk engine's UPDATE (it leaves the column alone).

ALTER TABLE "credential_risks" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "credential_risks" r SET "scopes" = c."scopes"
  FROM "credentials" c
 WHERE c."id" = r."credential_id" AND c."scopes" IS DISTINCT FROM ARRAY[]::TEXT[];

CREATE OR REPLACE FUNCTION tokenward_credentials_risk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO credential_risks (credential_id, owner_id, never_expires, provider_id, scopes)
  SELECT id, owner_id, expires_at IS NULL, provider_id, scopes FROM inserted_credentials;
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_credentials_risk_scopes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_risks SET scopes = NEW.scopes WHERE credential_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_scopes
  AFTER UPDATE OF scopes ON "credentials"
  FOR EACH ROW WHEN (OLD.scopes IS DISTINCT FROM NEW.scopes)
  EXECUTE FUNCTION tokenward_credentials_risk_scopes();

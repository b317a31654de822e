-- AlterTable
ALTER TABLE "credential_risks" ADD COLUMN     "never_expires" BOOLEAN NOT NULL DEFAULT false;

-- "Never expiring" ordered by risk walked the whole (score, credential_id) index, probing each
-- credential for expires_at (~7,400 probes for one page of "never expiring + write scopes" at 1M
-- rows: 28 ms). never_expires copies `credentials.expires_at IS NULL` onto the risk row, so that
-- walk runs over never-expiring rows only (the partial index below); filters on other columns of
-- the credential still probe it, but over a much shorter walk. Kept like owner_id: set when the
-- risk row is created, and by a per-row trigger when expires_at crosses NULL. Never written by
-- application code, and not by the risk engine's UPDATE (it leaves the column alone).

UPDATE "credential_risks" r SET "never_expires" = true
  FROM "credentials" c
 WHERE c."id" = r."credential_id" AND c."expires_at" IS NULL;

CREATE OR REPLACE FUNCTION tokenward_credentials_risk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO credential_risks (credential_id, owner_id, never_expires)
  SELECT id, owner_id, expires_at IS NULL FROM inserted_credentials;
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_credentials_risk_never_expires() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_risks SET never_expires = NEW.expires_at IS NULL WHERE credential_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_never_expires
  AFTER UPDATE OF expires_at ON "credentials"
  FOR EACH ROW WHEN ((OLD.expires_at IS NULL) IS DISTINCT FROM (NEW.expires_at IS NULL))
  EXECUTE FUNCTION tokenward_credentials_risk_never_expires();

-- Prisma's schema cannot express a partial index: it lives here only (see the comment on CredentialRisk).
CREATE INDEX "credential_risks_never_expires_score_idx" ON "credential_risks" ("score", "credential_id") WHERE "never_expires";

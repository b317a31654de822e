-- ---------------------------------------------------------------------------------------------
-- Risk results move out of "credentials" into "credential_risks" (one row per credential).
--
-- Why: "credentials" carries two dozen inventory indexes. An UPDATE that changes an indexed column
-- (risk_score) is never HOT, so every rescored row inserted a new entry into every one of them; a
-- first full scoring of 1,000,000 credentials took ~10 min and wrote ~96 GB of WAL on a default
-- PostgreSQL (checkpoints every 1 GB, each followed by full-page images of every index page
-- touched). The same update on this narrow table with its five indexes: 36 s, 2 GB of WAL.
-- ---------------------------------------------------------------------------------------------

-- CreateTable
CREATE TABLE "credential_risks" (
    "credential_id" UUID NOT NULL,
    "owner_id" UUID,
    "score" SMALLINT NOT NULL DEFAULT 0,
    "level" "RiskLevel" NOT NULL DEFAULT 'none',
    "factors" JSONB NOT NULL DEFAULT '[]',
    "factor_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "frameworks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scored_at" TIMESTAMP(3),
    "policy_version" INTEGER,

    CONSTRAINT "credential_risks_pkey" PRIMARY KEY ("credential_id")
);

-- Existing results move over as they are.
INSERT INTO "credential_risks" ("credential_id", "owner_id", "score", "level", "factors", "factor_ids", "frameworks", "scored_at", "policy_version")
SELECT "id", "owner_id", "risk_score", "risk_level", "risk_factors", coalesce("risk_factor_ids", ARRAY[]::TEXT[]), coalesce("risk_frameworks", ARRAY[]::TEXT[]), "risk_scored_at", "risk_policy_version"
  FROM "credentials";

-- CreateIndex
CREATE INDEX "credential_risks_score_credential_id_idx" ON "credential_risks"("score", "credential_id");

-- CreateIndex
CREATE INDEX "credential_risks_owner_id_score_credential_id_idx" ON "credential_risks"("owner_id", "score", "credential_id");

-- CreateIndex
CREATE INDEX "credential_risks_level_idx" ON "credential_risks"("level");

-- CreateIndex
CREATE INDEX "credential_risks_frameworks_idx" ON "credential_risks" USING GIN ("frameworks");

-- AddForeignKey
ALTER TABLE "credential_risks" ADD CONSTRAINT "credential_risks_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Every credential has exactly one risk row, whoever inserts it (Prisma, the seed's bulk SQL, a
-- connector): created per statement from the inserted rows (one INSERT … SELECT for a bulk load,
-- not one per row). owner_id is a copy of the credential's, for the owner's risk-ordered view.
-- Never written by application code.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION tokenward_credentials_risk_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO credential_risks (credential_id, owner_id) SELECT id, owner_id FROM inserted_credentials;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_rows
  AFTER INSERT ON "credentials"
  REFERENCING NEW TABLE AS inserted_credentials
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_credentials_risk_rows();

CREATE FUNCTION tokenward_credentials_risk_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_risks SET owner_id = NEW.owner_id WHERE credential_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credentials_risk_owner
  AFTER UPDATE OF owner_id ON "credentials"
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id)
  EXECUTE FUNCTION tokenward_credentials_risk_owner();

-- DropIndex
DROP INDEX "credentials_owner_id_risk_score_asc_id_idx";

-- DropIndex
DROP INDEX "credentials_owner_id_risk_score_id_idx";

-- DropIndex
DROP INDEX "credentials_risk_frameworks_idx";

-- DropIndex
DROP INDEX "credentials_risk_score_asc_id_idx";

-- DropIndex
DROP INDEX "credentials_risk_score_id_idx";

-- AlterTable
ALTER TABLE "credentials" DROP COLUMN "risk_factor_ids",
DROP COLUMN "risk_factors",
DROP COLUMN "risk_frameworks",
DROP COLUMN "risk_level",
DROP COLUMN "risk_policy_version",
DROP COLUMN "risk_score",
DROP COLUMN "risk_scored_at";

-- CreateIndex
CREATE INDEX "credentials_owner_id_idx" ON "credentials"("owner_id");

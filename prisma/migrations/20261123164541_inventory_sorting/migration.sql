-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "owner_name" TEXT,
ADD COLUMN     "provider_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "team_name" TEXT;

-- CreateIndex
CREATE INDEX "credentials_name_id_idx" ON "credentials"("name", "id");

-- CreateIndex
CREATE INDEX "credentials_provider_name_id_idx" ON "credentials"("provider_name", "id");

-- CreateIndex
CREATE INDEX "credentials_kind_id_idx" ON "credentials"("kind", "id");

-- CreateIndex
CREATE INDEX "credentials_status_id_idx" ON "credentials"("status", "id");

-- CreateIndex
CREATE INDEX "credentials_environment_id_idx" ON "credentials"("environment", "id");

-- CreateIndex
CREATE INDEX "credentials_owner_name_id_idx" ON "credentials"("owner_name", "id");

-- CreateIndex
CREATE INDEX "credentials_team_name_id_idx" ON "credentials"("team_name", "id");

-- CreateIndex
CREATE INDEX "credentials_risk_score_asc_id_idx" ON "credentials"("risk_score", "id");

-- CreateIndex
CREATE INDEX "credentials_expires_at_id_idx" ON "credentials"("expires_at", "id");

-- CreateIndex
CREATE INDEX "credentials_last_used_at_id_idx" ON "credentials"("last_used_at", "id");

-- CreateIndex
CREATE INDEX "credentials_last_rotated_at_id_idx" ON "credentials"("last_rotated_at", "id");

-- CreateIndex
CREATE INDEX "credentials_owner_id_risk_score_asc_id_idx" ON "credentials"("owner_id", "risk_score", "id");

-- CreateIndex
CREATE INDEX "credentials_exposure_count_idx" ON "credentials"("exposure_count");

-- CreateIndex
CREATE INDEX "credentials_consumer_count_idx" ON "credentials"("consumer_count");

-- CreateIndex
CREATE INDEX "identities_name_id_idx" ON "identities"("name", "id");

-- ---------------------------------------------------------------------------------------------
-- Inventory sort keys. provider_name / owner_name / team_name copy the referenced names so every
-- sortable column of the inventory is a plain column with a (column, id) index (keyset pages, no
-- join in ORDER BY). Kept by triggers, never by application code.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION tokenward_credentials_sort_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.provider_id IS DISTINCT FROM OLD.provider_id THEN
    NEW.provider_name := coalesce((SELECT name FROM providers WHERE id = NEW.provider_id), '');
  END IF;
  IF TG_OP = 'INSERT' OR NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    NEW.owner_name := (SELECT name FROM users WHERE id = NEW.owner_id);
  END IF;
  IF TG_OP = 'INSERT' OR NEW.team_id IS DISTINCT FROM OLD.team_id THEN
    NEW.team_name := (SELECT name FROM teams WHERE id = NEW.team_id);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER credentials_sort_names
  BEFORE INSERT OR UPDATE OF provider_id, owner_id, team_id ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION tokenward_credentials_sort_names();

CREATE FUNCTION tokenward_propagate_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name THEN
    IF TG_TABLE_NAME = 'providers' THEN
      UPDATE credentials SET provider_name = NEW.name WHERE provider_id = NEW.id;
    ELSIF TG_TABLE_NAME = 'users' THEN
      UPDATE credentials SET owner_name = NEW.name WHERE owner_id = NEW.id;
    ELSIF TG_TABLE_NAME = 'teams' THEN
      UPDATE credentials SET team_name = NEW.name WHERE team_id = NEW.id;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER providers_propagate_sort_name AFTER UPDATE OF name ON "providers"
  FOR EACH ROW EXECUTE FUNCTION tokenward_propagate_sort_name();
CREATE TRIGGER users_propagate_sort_name AFTER UPDATE OF name ON "users"
  FOR EACH ROW EXECUTE FUNCTION tokenward_propagate_sort_name();
CREATE TRIGGER teams_propagate_sort_name AFTER UPDATE OF name ON "teams"
  FOR EACH ROW EXECUTE FUNCTION tokenward_propagate_sort_name();

-- ---------------------------------------------------------------------------------------------
-- Denormalised counters: exposure_count (open exposures) and consumer_count (distinct holders of
-- the credential across its bindings, identity or MCP server; the same definition the risk engine
-- uses when it writes them in lib/risk/services/write-results.ts). One function
-- recomputes them for given credentials; statement-level triggers on bindings and exposures call
-- it for the credentials a statement touched, so every writer (seed, sync, scans, ingestion) keeps
-- them right. The rows are locked first and counted by a later statement, whose fresh snapshot
-- (READ COMMITTED) sees what concurrent writers committed meanwhile: no lost updates.
-- lib/inventory/services/recompute-credential-counters.ts calls the same function.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION tokenward_recompute_credential_counters(ids uuid[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN 0;
  END IF;
  PERFORM 1 FROM credentials WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
  WITH counted AS (
    SELECT c.id,
           (SELECT count(*)::int FROM exposures e WHERE e.credential_id = c.id AND e.resolved_at IS NULL) AS exposures,
           (SELECT count(DISTINCT coalesce(b.holder_identity_id, b.holder_mcp_server_id))::int
              FROM bindings b WHERE b.credential_id = c.id) AS consumers
      FROM credentials c
     WHERE c.id = ANY(ids)
  )
  UPDATE credentials c
     SET exposure_count = counted.exposures, consumer_count = counted.consumers
    FROM counted
   WHERE c.id = counted.id
     AND (c.exposure_count, c.consumer_count) IS DISTINCT FROM (counted.exposures, counted.consumers);
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END;
$$;

CREATE FUNCTION tokenward_counters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tokenward_recompute_credential_counters(
    ARRAY(SELECT DISTINCT credential_id FROM new_rows WHERE credential_id IS NOT NULL));
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_counters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tokenward_recompute_credential_counters(ARRAY(
    SELECT credential_id FROM new_rows WHERE credential_id IS NOT NULL
    UNION SELECT credential_id FROM old_rows WHERE credential_id IS NOT NULL));
  RETURN NULL;
END;
$$;

CREATE FUNCTION tokenward_counters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tokenward_recompute_credential_counters(
    ARRAY(SELECT DISTINCT credential_id FROM old_rows WHERE credential_id IS NOT NULL));
  RETURN NULL;
END;
$$;

CREATE TRIGGER bindings_counters_insert AFTER INSERT ON "bindings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_insert();
CREATE TRIGGER bindings_counters_update AFTER UPDATE ON "bindings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_update();
CREATE TRIGGER bindings_counters_delete AFTER DELETE ON "bindings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_delete();
CREATE TRIGGER exposures_counters_insert AFTER INSERT ON "exposures"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_insert();
CREATE TRIGGER exposures_counters_update AFTER UPDATE ON "exposures"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_update();
CREATE TRIGGER exposures_counters_delete AFTER DELETE ON "exposures"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tokenward_counters_after_delete();

-- Backfill what exists already (a no-op on a fresh database).
UPDATE credentials c
   SET provider_name = coalesce((SELECT name FROM providers p WHERE p.id = c.provider_id), ''),
       owner_name = (SELECT name FROM users u WHERE u.id = c.owner_id),
       team_name = (SELECT name FROM teams t WHERE t.id = c.team_id);
SELECT tokenward_recompute_credential_counters(ARRAY(SELECT id FROM credentials));

-- "Orphaned" (lib/inventory/orphaned.ts: no team, and no active owner, on the credential or else its
-- identity) was evaluated per row with three probes (identity twice, user once): a list filtered on
-- it could only learn which rows match by probing them, so "orphaned + exposed, by name" probed all
-- 23k exposed credentials at 1M rows (88 ms) and the planner could not estimate it at all.
-- `credentials.orphaned` is that definition kept by triggers, never written by application code:
--   * on the credential, per row, when its team, owner or identity is set (insert, update, and the
--     SET NULL of a deleted team, user or identity, which is an update);
--   * on an identity whose team or owner changes (SET NULL included): its credentials;
--   * on a user whose active flag changes: the credentials it owns, directly or through an identity.
-- A team or user row appearing cannot change the answer (nothing references it yet).

ALTER TABLE "credentials" ADD COLUMN "orphaned" BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION tokenward_credential_orphaned(team uuid, owner uuid, identity uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(team, (SELECT i.team_id FROM identities i WHERE i.id = identity)) IS NULL
     AND NOT EXISTS (
       SELECT 1 FROM users u
        WHERE u.id = COALESCE(owner, (SELECT i.owner_id FROM identities i WHERE i.id = identity)) AND u.active)
$$;

UPDATE "credentials" c SET "orphaned" = true WHERE tokenward_credential_orphaned(c.team_id, c.owner_id, c.identity_id);

CREATE FUNCTION tokenward_credentials_orphaned_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.orphaned := tokenward_credential_orphaned(NEW.team_id, NEW.owner_id, NEW.identity_id);
  RETURN NEW;
END;
$$;

-- Also on an UPDATE that sets `orphaned` itself: nothing can write it but these triggers.
CREATE TRIGGER credentials_orphaned
  BEFORE INSERT OR UPDATE OF team_id, owner_id, identity_id, orphaned ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION tokenward_credentials_orphaned_row();

CREATE FUNCTION tokenward_identities_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Writing the flag (any value) makes the credential's own trigger recompute it.
  UPDATE credentials c SET orphaned = c.orphaned WHERE c.identity_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER identities_orphaned
  AFTER UPDATE OF team_id, owner_id ON "identities"
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.owner_id IS DISTINCT FROM NEW.owner_id)
  EXECUTE FUNCTION tokenward_identities_orphaned();

CREATE FUNCTION tokenward_users_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credentials c SET orphaned = c.orphaned
   WHERE c.owner_id = NEW.id OR c.identity_id IN (SELECT i.id FROM identities i WHERE i.owner_id = NEW.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_orphaned
  AFTER UPDATE OF active ON "users"
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active)
  EXECUTE FUNCTION tokenward_users_orphaned();

-- Prisma's schema cannot express a partial index: it lives here only (see the comment on Credential).
CREATE INDEX "credentials_orphaned_name_id_idx" ON "credentials" ("name", "id") WHERE "orphaned";

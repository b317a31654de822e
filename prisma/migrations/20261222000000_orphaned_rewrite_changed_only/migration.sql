-- The identity and user triggers of 20261221000000 rewrote every credential of the identity or user,
-- whether or not its flag changed: a user owning 10k credentials through a team-owned identity wrote
-- 10k new row versions (and their index entries) on deactivation for no change at all. They now write
-- only the rows whose flag the definition changes; the credential's own trigger still computes it.

CREATE OR REPLACE FUNCTION tokenward_identities_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credentials c SET orphaned = NOT c.orphaned
   WHERE c.identity_id = NEW.id
     AND c.orphaned IS DISTINCT FROM tokenward_credential_orphaned(c.team_id, c.owner_id, c.identity_id);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION tokenward_users_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credentials c SET orphaned = NOT c.orphaned
   WHERE (c.owner_id = NEW.id OR c.identity_id IN (SELECT i.id FROM identities i WHERE i.owner_id = NEW.id))
     AND c.orphaned IS DISTINCT FROM tokenward_credential_orphaned(c.team_id, c.owner_id, c.identity_id);
  RETURN NULL;
END;
$$;

-- usage_events and audit_events are evidence: rows are only ever inserted. Enforce that in the
-- database too, so no code path (ORM, raw SQL, a cascading foreign key) can rewrite or erase them.
-- Dropping the tables (migrate reset, DROP SCHEMA) is still possible: that is a schema change.

CREATE FUNCTION tokenward_reject_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- audit_events
CREATE TRIGGER audit_events_reject_update_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION tokenward_reject_mutation();

CREATE TRIGGER audit_events_reject_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

-- usage_events
CREATE TRIGGER usage_events_reject_update_delete
  BEFORE UPDATE OR DELETE ON "usage_events"
  FOR EACH ROW EXECUTE FUNCTION tokenward_reject_mutation();

CREATE TRIGGER usage_events_reject_truncate
  BEFORE TRUNCATE ON "usage_events"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

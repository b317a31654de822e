-- The explorer's (credential_id, time DESC, id DESC) and (time DESC, id DESC) indexes (20261220300000)
-- serve every query the older (credential_id, time DESC) and (time) ones did — the detectors' per-credential
-- reads, retention's time range — so those two only cost every ingested hop two more index entries.
DROP INDEX IF EXISTS "usage_events_credential_id_time_idx";
DROP INDEX IF EXISTS "usage_events_time_idx";

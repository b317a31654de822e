-- The hop-log explorer (/usage, GET /api/v1/usage/events): newest first, keyset-paged on (time, id).
-- Every filter is an equality that leads one of these indexes, so each filter — and each combination,
-- the others checked on the rows of the walk — reads in index order and stops at the page size, at any
-- table size. Plain CREATE INDEX: on a partitioned usage_events it makes one per partition.
-- A trace is a handful of hops: its (trace_id) index and a sort of those rows is the plan there.
-- (credential_id, time) alone made PostgreSQL sort all of a credential's hops to break time ties by id.
CREATE INDEX "usage_events_time_id_idx" ON "usage_events"("time" DESC, "id" DESC);
CREATE INDEX "usage_events_credential_id_time_id_idx" ON "usage_events"("credential_id", "time" DESC, "id" DESC);
CREATE INDEX "usage_events_caller_id_time_id_idx" ON "usage_events"("caller_id", "time" DESC, "id" DESC);
CREATE INDEX "usage_events_target_id_time_id_idx" ON "usage_events"("target_id", "time" DESC, "id" DESC);
CREATE INDEX "usage_events_tool_time_id_idx" ON "usage_events"("tool", "time" DESC, "id" DESC);
CREATE INDEX "usage_events_outcome_time_id_idx" ON "usage_events"("outcome", "time" DESC, "id" DESC);

-- The audit log's filters (actor, action, target, time range) page newest first by (time, seq):
-- each index is a filter prefix followed by the sort, so every first and deep page is one index
-- range scan at 1M events (npm run bench:audit-log). They replace the seq-ordered ones.
DROP INDEX "audit_events_target_type_target_id_seq_idx";
DROP INDEX "audit_events_actor_id_seq_idx";
DROP INDEX "audit_events_time_idx";

CREATE INDEX "audit_events_target_type_target_id_time_seq_idx" ON "audit_events"("target_type", "target_id", "time", "seq");
CREATE INDEX "audit_events_actor_id_time_seq_idx" ON "audit_events"("actor_id", "time", "seq");
CREATE INDEX "audit_events_time_seq_idx" ON "audit_events"("time", "seq");
CREATE INDEX "audit_events_action_time_seq_idx" ON "audit_events"("action", "time", "seq");

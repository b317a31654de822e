-- usage_events becomes range-partitioned by month on "time" (issue #14): retention drops whole
-- partitions instead of deleting rows, and the hop queries (by credential + time, by time) prune to
-- the months they ask for. A unique index on a partitioned table must include the partition key, so
-- the idempotency key becomes (event_id, time): a replayed event carries its original time, so a
-- replay still conflicts and is skipped (docs/ARCHITECTURE.md "Usage ingestion").
--
-- Partitions are managed by two SECURITY DEFINER functions owned by the migration owner, because the
-- app's runtime role owns nothing (lib/db/runtime-role.ts) and so cannot CREATE or DROP tables:
--   tokenward_usage_partitions_ensure(from, months)  creates missing monthly partitions;
--   tokenward_usage_retention(cutoff)                 detaches and drops partitions wholly before
--                                                     cutoff, deletes default-partition rows before it.
-- The usage.partitions job (lib/usage/jobs.ts) calls both daily. A default partition takes any hop
-- whose month has no partition yet, so a lagging job never loses an event.

-- 1. Set the old table aside, freeing its names.
ALTER TABLE "usage_events" RENAME TO "usage_events_unpartitioned";
ALTER TABLE "usage_events_unpartitioned" DROP CONSTRAINT "usage_events_credential_id_fkey";
ALTER TABLE "usage_events_unpartitioned" RENAME CONSTRAINT "usage_events_pkey" TO "usage_events_unpartitioned_pkey";
DROP INDEX "usage_events_event_id_key";
DROP INDEX "usage_events_credential_id_time_idx";
DROP INDEX "usage_events_trace_id_idx";
DROP INDEX "usage_events_time_idx";
ALTER TABLE "usage_events_unpartitioned" ALTER COLUMN "id" DROP DEFAULT;
ALTER SEQUENCE "usage_events_id_seq" OWNED BY NONE;

-- 2. The partitioned table: same columns, the primary key now includes the partition key.
CREATE TABLE "usage_events" (
    "id" BIGINT NOT NULL DEFAULT nextval('usage_events_id_seq'),
    "event_id" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "parent_span_id" TEXT,
    "credential_id" UUID,
    "fingerprint" TEXT,
    "caller_kind" "CallerKind" NOT NULL,
    "caller_id" TEXT NOT NULL,
    "caller_environment" "Environment",
    "user_agent" TEXT,
    "target_kind" "TargetKind" NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_audience" TEXT,
    "tool" TEXT,
    "outcome" "UsageOutcome" NOT NULL,
    "ingested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id", "time")
) PARTITION BY RANGE ("time");
ALTER SEQUENCE "usage_events_id_seq" OWNED BY "usage_events"."id";

CREATE TABLE "usage_events_default" PARTITION OF "usage_events" DEFAULT;

-- 3. Append-only, as before. Row triggers on the parent are cloned onto every partition; statement
-- (TRUNCATE) triggers are not, so each partition gets its own (the ensure function adds it).
-- The one exception: the retention function may delete default-partition rows older than the cutoff
-- it sets for its own transaction (rows that reached the default because their month had no partition).
-- Setting that GUC is open to anyone, so it only counts for the table's owner (the function runs as
-- it); the runtime role has no DELETE on the table or its partitions anyway (lib/db/runtime-role.ts).
CREATE FUNCTION tokenward_usage_reject_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cutoff text := current_setting('tokenward.usage_retention_cutoff', true);
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND coalesce(cutoff, '') <> '' AND OLD."time" < cutoff::timestamp(3)
     AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'usage_events is append-only';
END;
$$;

CREATE TRIGGER usage_events_reject_update_delete
  BEFORE UPDATE OR DELETE ON "usage_events"
  FOR EACH ROW EXECUTE FUNCTION tokenward_usage_reject_mutation();

CREATE TRIGGER usage_events_reject_truncate
  BEFORE TRUNCATE ON "usage_events"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

CREATE TRIGGER usage_events_reject_truncate
  BEFORE TRUNCATE ON "usage_events_default"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

-- 4. Partition management. Partitions are named usage_events_pYYYYMM and cover [month, month + 1).
CREATE FUNCTION tokenward_usage_partitions_ensure(p_from date, p_months integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_month date := date_trunc('month', p_from)::date;
  month_start date;
  month_end date;
  name text;
  created text[] := '{}';
  blocked text[] := '{}';
BEGIN
  IF p_months IS NULL OR p_months < 1 OR p_months > 120 THEN
    RAISE EXCEPTION 'tokenward_usage_partitions_ensure: months must be 1-120, got %', p_months;
  END IF;
  FOR i IN 0 .. p_months - 1 LOOP
    month_start := (first_month + make_interval(months => i))::date;
    month_end := (month_start + interval '1 month')::date;
    name := 'usage_events_p' || to_char(month_start, 'YYYYMM');
    CONTINUE WHEN to_regclass(format('public.%I', name)) IS NOT NULL;
    -- Rows of this month already in the default partition (the job lagged): PostgreSQL refuses the
    -- new partition; they stay where they are (still queried, still under retention) and we say so.
    IF EXISTS (SELECT 1 FROM usage_events_default WHERE "time" >= month_start AND "time" < month_end) THEN
      blocked := blocked || name;
      CONTINUE;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF usage_events FOR VALUES FROM (%L) TO (%L)', name, month_start::timestamp, month_end::timestamp);
    EXECUTE format('CREATE TRIGGER usage_events_reject_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation()', name);
    created := created || name;
  END LOOP;
  RETURN jsonb_build_object('created', to_jsonb(created), 'blocked', to_jsonb(blocked));
END;
$$;

CREATE FUNCTION tokenward_usage_retention(p_cutoff date) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  floor_month date := (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date;
  part record;
  dropped text[] := '{}';
  approx_rows bigint := 0;
  default_rows bigint;
BEGIN
  -- Never the current month: whoever calls this (the runtime role included) keeps at least it.
  IF p_cutoff IS NULL OR p_cutoff <> date_trunc('month', p_cutoff)::date OR p_cutoff > floor_month THEN
    RAISE EXCEPTION 'tokenward_usage_retention: cutoff must be the first day of a month no later than %, got %', floor_month, p_cutoff;
  END IF;
  FOR part IN
    SELECT c.relname::text AS name, c.reltuples::bigint AS tuples
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'public.usage_events'::regclass AND c.relname ~ '^usage_events_p[0-9]{6}$'
       AND (to_date(substr(c.relname, 15), 'YYYYMM') + interval '1 month')::date <= p_cutoff
     ORDER BY c.relname
  LOOP
    EXECUTE format('ALTER TABLE usage_events DETACH PARTITION %I', part.name);
    EXECUTE format('DROP TABLE %I', part.name);
    dropped := dropped || part.name;
    approx_rows := approx_rows + greatest(part.tuples, 0);
  END LOOP;
  PERFORM set_config('tokenward.usage_retention_cutoff', p_cutoff::text, true);
  DELETE FROM usage_events_default WHERE "time" < p_cutoff;
  GET DIAGNOSTICS default_rows = ROW_COUNT;
  PERFORM set_config('tokenward.usage_retention_cutoff', '', true);
  RETURN jsonb_build_object('dropped', to_jsonb(dropped), 'approxRows', approx_rows, 'defaultRows', default_rows);
END;
$$;

-- Only the owner and the runtime role (granted by `npm run db:roles`) may call them.
REVOKE ALL ON FUNCTION tokenward_usage_partitions_ensure(date, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION tokenward_usage_retention(date) FROM PUBLIC;

-- 5. Partitions for the default retention window (13 months back) or the data already there, at
-- most two years back (older rows go to the default, where retention deletes them), through the next
-- three months; then the rows themselves.
DO $$
DECLARE
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  oldest date := coalesce((SELECT date_trunc('month', min("time"))::date FROM "usage_events_unpartitioned"), this_month);
  first_month date := greatest(least(oldest, (this_month - interval '13 months')::date), (this_month - interval '24 months')::date);
BEGIN
  PERFORM tokenward_usage_partitions_ensure(first_month,
    ((extract(year FROM age(this_month, first_month)) * 12 + extract(month FROM age(this_month, first_month)))::integer) + 4);
END;
$$;

INSERT INTO "usage_events" SELECT * FROM "usage_events_unpartitioned";
DROP TABLE "usage_events_unpartitioned";

-- 6. Indexes (created on every partition, present and future) and the credential foreign key.
CREATE UNIQUE INDEX "usage_events_event_id_time_key" ON "usage_events"("event_id", "time");
CREATE INDEX "usage_events_credential_id_time_idx" ON "usage_events"("credential_id", "time" DESC);
CREATE INDEX "usage_events_trace_id_idx" ON "usage_events"("trace_id");
CREATE INDEX "usage_events_time_idx" ON "usage_events"("time");
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

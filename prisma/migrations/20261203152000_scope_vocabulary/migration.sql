-- The scope vocabulary: every distinct scope text any credential has carried (about a hundred at
-- 1M credentials). The inventory's "scope contains" filter matches its text here first, then
-- compares arrays (`scopes && ARRAY[...]`); a text nobody carries gates the whole statement off
-- instead of unnesting every credential's scopes (21 s at 1M rows). Entries are never removed: a
-- stale one only costs an array element, the array comparison keeps results exact.
CREATE TABLE "scope_names" (
    "scope" TEXT NOT NULL,
    CONSTRAINT "scope_names_pkey" PRIMARY KEY ("scope")
);

INSERT INTO "scope_names" ("scope")
SELECT DISTINCT s FROM "credentials", unnest("scopes") AS s ON CONFLICT DO NOTHING;

CREATE FUNCTION "record_scope_names_of_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "scope_names" ("scope")
  SELECT DISTINCT s FROM inserted, unnest(inserted."scopes") AS s
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Per statement over the transition table: a bulk insert (seed, import) pays once, not per row.
CREATE TRIGGER "credentials_record_scope_names_insert"
AFTER INSERT ON "credentials" REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION "record_scope_names_of_inserted"();

CREATE FUNCTION "record_scope_names_of_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "scope_names" ("scope") SELECT DISTINCT s FROM unnest(NEW."scopes") AS s ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Per row, and only when the scopes change (a column list cannot carry a transition table): usage
-- and risk updates never fire it.
CREATE TRIGGER "credentials_record_scope_names_update"
AFTER UPDATE OF "scopes" ON "credentials"
FOR EACH ROW WHEN (NEW."scopes" IS DISTINCT FROM OLD."scopes")
EXECUTE FUNCTION "record_scope_names_of_row"();

-- "Exposed, by name" (orphaned + exposed) walked 20k rows of the full name index at 1M credentials
-- to fill a page; exposed credentials are ~2 %, so their own name index walks a few hundred.
-- exposure_count changes only on exposure events, never in the risk recompute. Prisma's schema
-- cannot express a partial index: it lives here only (see the comment on Credential).
CREATE INDEX "credentials_exposed_name_id_idx" ON "credentials" ("name", "id") WHERE "exposure_count" > 0;

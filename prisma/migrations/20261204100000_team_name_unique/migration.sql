-- Team names are unique whatever their case: two teams called "Payments" and "payments" make every
-- owner picker and filter chip ambiguous. The operation checks first for a clear message; this
-- index makes the race between two concurrent creates impossible. An expression index, so it is
-- not expressible in schema.prisma (noted on the Team model).

-- Existing duplicates (if any) keep their rows: every one after the oldest gets its slug appended.
UPDATE "teams" t SET "name" = t."name" || ' (' || t."slug" || ')'
  FROM (
    SELECT "id", row_number() OVER (PARTITION BY lower(btrim("name")) ORDER BY "created_at", "id") AS n FROM "teams"
  ) d
 WHERE d."id" = t."id" AND d.n > 1;

CREATE UNIQUE INDEX "teams_name_lower_key" ON "teams" (lower(btrim("name")));

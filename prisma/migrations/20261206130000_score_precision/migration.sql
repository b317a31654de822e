-- Scores carry one decimal (issue 10, part 3): on an integer scale the top of a 5,000-credential
-- inventory held a dozen credentials with different evidence on each value. Double precision, not
-- numeric: the values are exact tenths in JSON and in keyset cursors, and Prisma maps them to numbers.
-- The type change rewrites the indexes on score, (score, credential_id) and the partial one with it.
ALTER TABLE "credential_risks" ALTER COLUMN "score" TYPE DOUBLE PRECISION;
ALTER TABLE "risk_score_snapshots" ALTER COLUMN "score" TYPE DOUBLE PRECISION;

-- The inventory's factor= filter: credentials whose last scoring found a given factor.
CREATE INDEX "credential_risks_factor_ids_idx" ON "credential_risks" USING GIN ("factor_ids");

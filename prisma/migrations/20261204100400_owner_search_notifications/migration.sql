-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" UUID,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "href" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_recipient_id_created_at_id_idx" ON "notifications"("recipient_id", "created_at" DESC, "id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bell's unread count: only unread rows, per recipient.
CREATE INDEX "notifications_unread_idx" ON "notifications"("recipient_id") WHERE "read_at" IS NULL;

-- The owner picker (lib/ownership/services/search-owners.ts): case-insensitive prefix search on
-- names and e-mail addresses. text_pattern_ops lets `lower(x) LIKE 'abc%'` use the index whatever
-- the database's collation; no extension (pg_trgm) needed, so PGlite runs the same migration.
CREATE INDEX "users_name_lower_idx" ON "users"(lower("name") text_pattern_ops);
CREATE INDEX "users_email_lower_idx" ON "users"(lower("email") text_pattern_ops);
CREATE INDEX "teams_name_lower_idx" ON "teams"(lower("name") text_pattern_ops);

-- E-mail notices: when a notification was mailed (or why it could not be), so each goes out once.
ALTER TABLE "notifications" ADD COLUMN "emailed_at" TIMESTAMP(3);
ALTER TABLE "notifications" ADD COLUMN "email_error" TEXT;
CREATE INDEX "notifications_pending_email_idx" ON "notifications"("created_at") WHERE "emailed_at" IS NULL;

-- An OAuth access token renewed by a refresh token: the link that makes "auto-refreshing" knowable
-- (lib/inventory/auto-refresh.ts). Set by connectors and the seed; a deleted refresh token unlinks.
ALTER TABLE "credentials" ADD COLUMN "refresh_credential_id" UUID;
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_refresh_credential_id_fkey"
  FOREIGN KEY ("refresh_credential_id") REFERENCES "credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "credentials_refresh_credential_id_idx" ON "credentials"("refresh_credential_id") WHERE "refresh_credential_id" IS NOT NULL;

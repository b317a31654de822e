-- What a connector said about a credential or identity at its last sync (ids and settings it needs
-- to act on it later, e.g. the IAM user of an access key; never a secret), and the last answer of
-- its provider to "is this credential active?" (verify now, lib/credentials/services/verify-credential.ts).
ALTER TABLE "credentials" ADD COLUMN "provider_metadata" JSONB;
ALTER TABLE "credentials" ADD COLUMN "verified_at" TIMESTAMP(3);
ALTER TABLE "credentials" ADD COLUMN "verification" JSONB;
ALTER TABLE "identities" ADD COLUMN "provider_metadata" JSONB;

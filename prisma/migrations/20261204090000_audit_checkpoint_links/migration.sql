-- Checkpoints chained to each other (lib/audit/signing.ts, payload v2): each signs the previous
-- checkpoint's seq and SHA-256 of its signature. Existing rows are v1 (no link) and stay verifiable.
-- Adding columns touches no row, so the append-only triggers are not involved.
ALTER TABLE "audit_checkpoints" ADD COLUMN "v" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "prev_seq" BIGINT,
ADD COLUMN "prev_sig_hash" TEXT;

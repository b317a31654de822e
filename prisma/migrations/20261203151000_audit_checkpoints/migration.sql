-- Signed chain heads (lib/audit/signing.ts). Like audit_events, evidence: insert-only.
CREATE TABLE "audit_checkpoints" (
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signed_at" TIMESTAMP(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("seq")
);

CREATE TRIGGER audit_checkpoints_reject_update_delete
  BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION tokenward_reject_mutation();

CREATE TRIGGER audit_checkpoints_reject_truncate
  BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION tokenward_reject_mutation();

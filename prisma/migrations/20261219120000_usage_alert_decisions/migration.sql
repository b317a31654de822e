-- A person's decision on one usage finding (credential × detector): acknowledged (known, accepted:
-- no re-alert for that reason) or resolved (fixed: a new hop proving it again re-opens it).
CREATE TYPE "AlertDecision" AS ENUM ('acknowledged', 'resolved');

CREATE TABLE "usage_alert_decisions" (
    "credential_id" UUID NOT NULL,
    "factor" TEXT NOT NULL,
    "decision" "AlertDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "decided_by_id" UUID,
    "decided_by_label" TEXT NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_alert_decisions_pkey" PRIMARY KEY ("credential_id","factor")
);

ALTER TABLE "usage_alert_decisions" ADD CONSTRAINT "usage_alert_decisions_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "usage_alert_decisions" ADD CONSTRAINT "usage_alert_decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An ephemeral credential's task ended (DESIGN.md "Usage ingestion"): the event that asks for its revocation.
ALTER TYPE "UsageOutcome" ADD VALUE 'task_completed';

import "server-only";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import type { TTx } from "@/lib/server/execute";
import { approversOf } from "@/lib/workflows/services/notify-workflow";
import { requestWorkflow } from "@/lib/workflows/services/request-workflow";
import { openEphemeralSecret } from "@/lib/usage/services/ephemeral-secret";

/**
 * An ephemeral credential lives for one task. When a hop of it says the task ended (outcome
 * task_completed, at or after the credential was marked ephemeral), it is revoked through the
 * workflow module's break-glass path, requested by "task ended" — or, where that cannot be done (the
 * provider cannot revoke it, a rotation is open, the value the provider needs is not held), marked
 * "should be revoked" with the reason and its owners told. Either way `task_ended_at` is set once, so
 * a replayed or later task_completed never asks twice. Runs after usage.apply drained the credentials.
 */

export type TTaskEndResult = { revoking: number; shouldRevoke: number };

type TCandidate = { id: string; ended_at: Date; trace_id: string; event_id: string };

export const TASK_ENDED_LABEL = "task ended (usage telemetry)";

export async function endEphemeralTasks(prisma: PrismaClient, credentialIds: string[], now = new Date()): Promise<TTaskEndResult> {
  const result: TTaskEndResult = { revoking: 0, shouldRevoke: 0 };
  if (credentialIds.length === 0) return result;
  const candidates = await prisma.$queryRawUnsafe<TCandidate[]>(
    `SELECT c.id::text AS id, e.time AS ended_at, e.trace_id, e.event_id
       FROM credentials c
       JOIN LATERAL (SELECT u.time, u.trace_id, u.event_id FROM usage_events u
                      WHERE u.credential_id = c.id AND u.outcome = 'task_completed' AND u.time >= c.ephemeral_since
                      ORDER BY u.time LIMIT 1) e ON true
      WHERE c.id = ANY($1::uuid[]) AND c.ephemeral_since IS NOT NULL AND c.task_ended_at IS NULL
        AND c.status NOT IN ('revoked', 'disabled')`,
    credentialIds,
  );
  for (const candidate of candidates) {
    // A second try sees what beat the first (a workflow a person opened meanwhile).
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const outcome = await prisma.$transaction((tx) => endTask(tx, candidate, now));
        if (outcome === "revoking") result.revoking++;
        if (outcome === "should_revoke") result.shouldRevoke++;
        break;
      } catch (error) {
        if (attempt === 2) logger.error("ephemeral credential: task end not recorded", { credentialId: candidate.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return result;
}

async function endTask(tx: TTx, candidate: TCandidate, now: Date): Promise<"revoking" | "should_revoke" | "skipped"> {
  const [row] = await tx.$queryRawUnsafe<{ name: string; owner_id: string | null; team_id: string | null; ephemeral_secret: string | null }[]>(
    `SELECT name, owner_id::text, team_id::text, ephemeral_secret FROM credentials
      WHERE id = $1::uuid AND ephemeral_since IS NOT NULL AND task_ended_at IS NULL AND status NOT IN ('revoked', 'disabled') FOR UPDATE`,
    candidate.id,
  );
  if (!row) return "skipped";
  const evidence = { traceId: candidate.trace_id, eventId: candidate.event_id, endedAt: candidate.ended_at.toISOString() };
  await tx.credential.update({ where: { id: candidate.id }, data: { taskEndedAt: candidate.ended_at, ephemeralSecret: null } });

  const open = await tx.workflow.findFirst({
    where: { credentialId: candidate.id, state: { notIn: ["completed", "rejected", "expired", "rolled_back", "abandoned"] } },
    select: { id: true, kind: true, state: true },
  });
  let workflowId: string | null = open?.kind === "revocation" ? open.id : null;
  let shouldRevoke: string | null = null;
  if (!open) {
    try {
      const requested = await requestWorkflow(tx, { taskEnded: TASK_ENDED_LABEL }, {
        credentialId: candidate.id,
        kind: "revocation",
        breakGlass: true,
        reason: `Task ended: outcome task_completed at ${evidence.endedAt} (trace ${evidence.traceId})`,
        currentValue: row.ephemeral_secret ? openEphemeralSecret(candidate.id, row.ephemeral_secret) : undefined,
      }, now);
      workflowId = requested.data.id;
      for (const record of Array.isArray(requested.audit) ? requested.audit : [requested.audit]) {
        await appendAuditEvent(tx, null, { ...record, action: record.action ?? "workflow.break_glass", summary: { ...record.summary, requestedBy: TASK_ENDED_LABEL } });
      }
    } catch (error) {
      // requestWorkflow refuses before writing anything: the provider cannot revoke this kind, or needs its value.
      if (!isAppError(error)) throw error;
      shouldRevoke = error.message;
    }
  } else if (open.kind !== "revocation") {
    shouldRevoke = `A ${open.kind} is open (${open.state.replace(/_/g, " ")}): revoke it once that ends.`;
  }

  await appendAuditEvent(tx, null, {
    action: "credential.task_ended",
    targetType: "credential",
    targetId: candidate.id,
    summary: { credential: row.name, ...evidence, workflowId, shouldBeRevoked: shouldRevoke },
  });
  if (shouldRevoke) {
    const recipients = await approversOf(tx, { ownerId: row.owner_id, teamId: row.team_id });
    if (recipients.length > 0) {
      await tx.notification.createMany({
        data: recipients.map((recipientId) => ({
          recipientId,
          kind: "credential.should_be_revoked",
          targetType: "credential",
          targetId: candidate.id,
          title: `“${row.name}” should be revoked: its task ended`,
          detail: shouldRevoke.slice(0, 300),
          href: `/inventory/${candidate.id}`,
        })),
      });
    }
    return "should_revoke";
  }
  return workflowId ? "revoking" : "skipped";
}

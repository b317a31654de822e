import "server-only";
import { randomUUID } from "node:crypto";
import { ALERTS_DELIVER_JOB } from "@/lib/alerts/job-types";
import type { TAlert } from "@/lib/alerts/payload";
import { ALERT_SEVERITIES, type TAlertSeverity } from "@/lib/alerts/schemas";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { TTx } from "@/lib/server/execute";
import { USAGE_FACTORS } from "@/lib/usage/usage-factors";

/**
 * Called by the usage.apply job right after it rescored `credentialIds`, in the same transaction:
 * the findings that are NEW get one outbox row per matching destination (alert_deliveries), so a
 * finding is never alerted without being detected, nor detected and then lost.
 *
 * New means: a usage detector's finding on the credential's current score that is not acknowledged,
 * not resolved (a resolution no hop contradicted since, as on the Alerts page), and not already
 * alerted while open (usage_alert_emissions). A finding that leaves the score forgets its emission,
 * so its return is new; a resolved one re-opened by a newer hop is alerted again.
 */

type TNewFinding = { credential_id: string; name: string; provider_name: string; owner_name: string | null; level: string; score: number; factor: string; evidence: string | null };

const rank = (level: string) => ["none", ...ALERT_SEVERITIES].indexOf(level);

export async function emitUsageAlerts(tx: TTx, credentialIds: string[], options: { now?: Date } = {}): Promise<{ findings: number; deliveries: number }> {
  if (credentialIds.length === 0) return { findings: 0, deliveries: 0 };
  const now = options.now ?? new Date();
  await tx.$executeRawUnsafe(
    `DELETE FROM usage_alert_emissions e
      WHERE e.credential_id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM credential_risks r WHERE r.credential_id = e.credential_id AND e.factor = ANY(r.factor_ids))`,
    credentialIds,
  );
  const found = await tx.$queryRawUnsafe<TNewFinding[]>(
    `SELECT c.id::text AS credential_id, c.name, c.provider_name, c.owner_name, r.level::text AS level, r.score, f->>'id' AS factor, f->>'evidence' AS evidence
       FROM credential_risks r
       JOIN credentials c ON c.id = r.credential_id
       CROSS JOIN LATERAL jsonb_array_elements(r.factors) AS f
      WHERE r.credential_id = ANY($1::uuid[]) AND f->>'id' = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM usage_alert_decisions d WHERE d.credential_id = c.id AND d.factor = f->>'id'
                         AND (d.decision = 'acknowledged' OR c.last_used_at IS NULL OR c.last_used_at <= d.decided_at))
        AND NOT EXISTS (SELECT 1 FROM usage_alert_emissions e WHERE e.credential_id = c.id AND e.factor = f->>'id'
                         AND NOT EXISTS (SELECT 1 FROM usage_alert_decisions d WHERE d.credential_id = c.id AND d.factor = e.factor
                                          AND d.decision = 'resolved' AND d.decided_at >= e.emitted_at))
      ORDER BY c.id, f->>'id'`,
    credentialIds,
    [...USAGE_FACTORS],
  );
  if (found.length === 0) return { findings: 0, deliveries: 0 };
  await tx.$executeRawUnsafe(
    `INSERT INTO usage_alert_emissions (credential_id, factor, emitted_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamp(3)[])
     ON CONFLICT (credential_id, factor) DO UPDATE SET emitted_at = EXCLUDED.emitted_at`,
    found.map((f) => f.credential_id),
    found.map((f) => f.factor),
    found.map(() => now.toISOString()),
  );
  const destinations = await tx.alertDestination.findMany({ where: { enabled: true }, select: { id: true, minSeverity: true, detectors: true } });
  const base = env().AUTH_URL?.replace(/\/$/, "") ?? null;
  const rows = found.flatMap((f) => {
    const alert: TAlert = {
      detector: f.factor,
      severity: f.level as TAlertSeverity | "none",
      score: Number(f.score),
      evidence: f.evidence ?? "",
      credential: { id: f.credential_id, name: f.name, provider: f.provider_name, owner: f.owner_name },
      detectedAt: now.toISOString(),
      link: base ? `${base}/alerts?factor=${encodeURIComponent(f.factor)}` : null,
    };
    return destinations
      .filter((d) => rank(f.level) >= rank(d.minSeverity) && (d.detectors.length === 0 || d.detectors.includes(f.factor)))
      .map((d) => ({ id: randomUUID(), destinationId: d.id, credentialId: f.credential_id, factor: f.factor, payload: alert, nextAttemptAt: now }));
  });
  if (rows.length > 0) {
    await tx.alertDelivery.createMany({ data: rows });
    await enqueueJob(tx, { type: ALERTS_DELIVER_JOB, requeue: "if-finished", now });
  }
  return { findings: found.length, deliveries: rows.length };
}

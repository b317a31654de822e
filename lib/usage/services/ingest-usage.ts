import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TTx } from "@/lib/server/execute";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { USAGE_APPLY_JOB } from "@/lib/usage/job-types";
import { ensureUnattributedProvider } from "@/lib/usage/services/unattributed-provider";
import type { TIngestResult, TUsageEvent } from "@/lib/usage/schemas";

/**
 * Writes one validated batch of hops in the caller's transaction: resolves each event's credential
 * (by fingerprint, or by provider + external id), records the ones not in the inventory as "seen but
 * not inventoried" (source: ingest) so nothing is silently dropped, appends the hops (an event id
 * already recorded is skipped: a resent batch adds nothing) and queues the touched credentials for
 * the usage.apply job (last use, rescoring) — all or nothing with the caller's audit event.
 */

type TRef = { key: string; fingerprint?: string; provider?: string; externalId?: string };

function refOf(event: TUsageEvent): TRef {
  return "fingerprint" in event.credential
    ? { key: `f:${event.credential.fingerprint}`, fingerprint: event.credential.fingerprint }
    : { key: `p:${event.credential.provider}:${event.credential.externalId}`, provider: event.credential.provider, externalId: event.credential.externalId };
}

/** A name a human recognises in the inventory: who used it, where. */
function nameFor(event: TUsageEvent): string {
  return `Seen in use: ${event.caller.id} → ${event.target.id}`.slice(0, 200);
}

async function resolve(tx: TTx, events: readonly TUsageEvent[], now: Date): Promise<{ ids: Map<string, string>; created: string[] }> {
  const first = new Map<string, { ref: TRef; event: TUsageEvent; index: number }>();
  events.forEach((event, index) => {
    const ref = refOf(event);
    if (!first.has(ref.key)) first.set(ref.key, { ref, event, index });
  });
  const refs = [...first.values()];
  const fingerprints = refs.flatMap((r) => (r.ref.fingerprint ? [r.ref.fingerprint] : []));
  const byProvider = refs.filter((r) => r.ref.provider !== undefined);

  const providerIds = [...new Set(byProvider.map((r) => r.ref.provider!))];
  if (providerIds.length > 0) {
    const known = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM providers WHERE id = ANY($1::uuid[])`, providerIds);
    const knownSet = new Set(known.map((p) => p.id));
    const missing = byProvider.find((r) => !knownSet.has(r.ref.provider!));
    if (missing) {
      throw new AppError("VALIDATION", `event ${missing.index + 1} (id ${JSON.stringify(missing.event.id)}): credential.provider ${missing.ref.provider} is not a Tokenward provider. Nothing of this batch was written.`);
    }
  }

  const lookup = async (): Promise<Map<string, string>> => {
    const ids = new Map<string, string>();
    if (fingerprints.length > 0) {
      const rows = await tx.$queryRawUnsafe<{ id: string; fingerprint: string }[]>(`SELECT id::text AS id, fingerprint FROM credentials WHERE fingerprint = ANY($1::text[])`, fingerprints);
      for (const row of rows) ids.set(`f:${row.fingerprint}`, row.id);
    }
    if (byProvider.length > 0) {
      const rows = await tx.$queryRawUnsafe<{ id: string; provider_id: string; external_id: string }[]>(
        `SELECT c.id::text AS id, c.provider_id::text AS provider_id, c.external_id
           FROM credentials c JOIN unnest($1::uuid[], $2::text[]) AS r(provider_id, external_id)
             ON c.provider_id = r.provider_id AND c.external_id = r.external_id`,
        byProvider.map((r) => r.ref.provider!),
        byProvider.map((r) => r.ref.externalId!),
      );
      for (const row of rows) ids.set(`p:${row.provider_id}:${row.external_id}`, row.id);
    }
    return ids;
  };

  let ids = await lookup();
  // Sorted: two batches inserting the same strangers take their unique-index locks in one order.
  const unknown = refs.filter((r) => !ids.has(r.ref.key)).sort((a, b) => (a.ref.key < b.ref.key ? -1 : 1));
  if (unknown.length === 0) return { ids, created: [] };

  const unattributed = unknown.some((r) => r.ref.fingerprint) ? await ensureUnattributedProvider(tx) : null;
  // ON CONFLICT DO NOTHING: a concurrent batch may record the same stranger first; both then use it.
  await tx.credential.createMany({
    skipDuplicates: true,
    data: unknown.map(({ ref, event }) => ({
      name: nameFor(event),
      kind: "static_bearer" as const,
      providerId: ref.provider ?? unattributed!,
      externalId: ref.externalId ?? null,
      fingerprint: ref.fingerprint ?? null,
      audiences: event.target.audience ? [event.target.audience] : [],
      environment: event.caller.environment ?? "prod",
      source: "ingest" as const,
      status: "active" as const,
      createdAt: now,
    })),
  });
  const before = new Set(ids.values());
  ids = await lookup();
  return { ids, created: [...ids.values()].filter((id) => !before.has(id)) };
}

export async function ingestUsage(tx: TTx, events: readonly TUsageEvent[], options: { now?: Date } = {}): Promise<TIngestResult & { credentialIds: string[] }> {
  const now = options.now ?? new Date();
  const { ids, created } = await resolve(tx, events, now);
  const rows = events.map((event) => ({
    eventId: event.id,
    time: new Date(event.time),
    traceId: event.traceId,
    spanId: event.spanId,
    parentSpanId: event.parentSpanId ?? null,
    credentialId: ids.get(refOf(event).key)!,
    fingerprint: "fingerprint" in event.credential ? event.credential.fingerprint : null,
    callerKind: event.caller.kind,
    callerId: event.caller.id,
    callerEnvironment: event.caller.environment ?? null,
    userAgent: event.caller.userAgent ?? null,
    targetKind: event.target.kind,
    targetId: event.target.id,
    targetAudience: event.target.audience ?? null,
    tool: event.tool ?? null,
    outcome: event.outcome,
    ingestedAt: now,
  }));
  const { count } = await tx.usageEvent.createMany({ data: rows, skipDuplicates: true });

  // Last use only moves forward, and only for hops that really happened (a denied call is an attempt).
  const lastUse = new Map<string, number | null>();
  for (const row of rows) {
    if (!lastUse.has(row.credentialId)) lastUse.set(row.credentialId, null);
    if (row.outcome === "denied") continue;
    const t = row.time.getTime();
    if (t > now.getTime() + 5 * 60_000) continue; // a clock far ahead must not pin "last used" in the future
    if (t > (lastUse.get(row.credentialId) ?? -Infinity)) lastUse.set(row.credentialId, t);
  }
  // Applied (last use, rescoring) by the usage.apply job, not here: a batch's transaction stays short
  // and concurrent batches on the same credentials only queue on these rows, in id order.
  const pending = [...lastUse.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  await tx.$executeRawUnsafe(
    `INSERT INTO usage_pending (credential_id, last_used_at)
     SELECT id, at FROM unnest($1::uuid[], $2::timestamp(3)[]) AS p(id, at) ORDER BY id
     ON CONFLICT (credential_id) DO UPDATE SET last_used_at = GREATEST(usage_pending.last_used_at, EXCLUDED.last_used_at)`,
    pending.map(([id]) => id),
    pending.map(([, t]) => (t === null ? null : new Date(t).toISOString())),
  );
  await enqueueJob(tx, { type: USAGE_APPLY_JOB, requeue: "if-finished", now });
  return { received: events.length, accepted: count, duplicates: events.length - count, newCredentials: created.length, credentialIds: pending.map(([id]) => id) };
}

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
 * the usage.apply job (last use, rescoring) — all or nothing with the caller's audit event. The
 * caller wakes the job after commit (`wakeUsageApply`).
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

/** One unnest per column: a whole batch is one INSERT statement with 17 array parameters. */
const INSERT_HOPS = `
  INSERT INTO usage_events (event_id, "time", trace_id, span_id, parent_span_id, credential_id, fingerprint, caller_kind, caller_id,
                            caller_environment, user_agent, target_kind, target_id, target_audience, tool, outcome, ingested_at)
  SELECT * FROM unnest($1::text[], $2::timestamp(3)[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::"CallerKind"[], $9::text[],
                       $10::"Environment"[], $11::text[], $12::"TargetKind"[], $13::text[], $14::text[], $15::text[], $16::"UsageOutcome"[], $17::timestamp(3)[])
  ON CONFLICT (event_id, "time") DO NOTHING`;

export async function ingestUsage(tx: TTx, events: readonly TUsageEvent[], options: { now?: Date } = {}): Promise<TIngestResult & { credentialIds: string[] }> {
  const now = options.now ?? new Date();
  const { ids, created } = await resolve(tx, events, now);
  const credentialIds = events.map((event) => ids.get(refOf(event).key)!);
  const times = events.map((event) => new Date(event.time));
  const ingestedAt = now.toISOString();
  // A replay carries the event's own time, so (event_id, time) — the partitioned table's unique key —
  // still makes a resent event a no-op (prisma/migrations/20261220100000_usage_events_partitioned).
  const count = await tx.$executeRawUnsafe(
    INSERT_HOPS,
    events.map((e) => e.id),
    times.map((t) => t.toISOString()),
    events.map((e) => e.traceId),
    events.map((e) => e.spanId),
    events.map((e) => e.parentSpanId ?? null),
    credentialIds,
    events.map((e) => ("fingerprint" in e.credential ? e.credential.fingerprint : null)),
    events.map((e) => e.caller.kind),
    events.map((e) => e.caller.id),
    events.map((e) => e.caller.environment ?? null),
    events.map((e) => e.caller.userAgent ?? null),
    events.map((e) => e.target.kind),
    events.map((e) => e.target.id),
    events.map((e) => e.target.audience ?? null),
    events.map((e) => e.tool ?? null),
    events.map((e) => e.outcome),
    events.map(() => ingestedAt),
  );

  // Last use only moves forward, and only for hops that really happened (a denied call is an attempt).
  const lastUse = new Map<string, number | null>();
  events.forEach((event, i) => {
    const credentialId = credentialIds[i]!;
    if (!lastUse.has(credentialId)) lastUse.set(credentialId, null);
    if (event.outcome === "denied") return;
    const t = times[i]!.getTime();
    if (t > now.getTime() + 5 * 60_000) return; // a clock far ahead must not pin "last used" in the future
    if (t > (lastUse.get(credentialId) ?? -Infinity)) lastUse.set(credentialId, t);
  });
  // Applied (last use, rescoring) by the usage.apply job, not here: a batch's transaction stays short.
  // Plain inserts into a queue, not upserts of one row per credential: concurrent batches on the same
  // credentials never wait on each other's rows (the job takes the greatest last use per credential).
  const pending = [...lastUse.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  await tx.$executeRawUnsafe(
    `INSERT INTO usage_pending (credential_id, last_used_at) SELECT * FROM unnest($1::uuid[], $2::timestamp(3)[])`,
    pending.map(([id]) => id),
    pending.map(([, t]) => (t === null ? null : new Date(t).toISOString())),
  );
  return { received: events.length, accepted: count, duplicates: events.length - count, newCredentials: created.length, credentialIds: pending.map(([id]) => id) };
}

/**
 * Wakes the usage.apply job once the batch has committed: enqueueing inside the batch's transaction
 * held the job row's lock until commit, so concurrent batches queued behind one another on it. A
 * missed wake-up is harmless: the job's one-minute cron drains whatever is pending.
 */
export async function wakeUsageApply(db: Parameters<typeof enqueueJob>[0], now: Date = new Date()): Promise<void> {
  await enqueueJob(db, { type: USAGE_APPLY_JOB, requeue: "if-finished", now });
}

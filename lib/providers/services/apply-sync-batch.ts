import "server-only";
import { randomUUID } from "node:crypto";
import type { TSyncedCredential, TSyncedIdentity } from "@/lib/connectors/contract";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TTx } from "@/lib/server/execute";

/**
 * Writes one batch of what a sync saw, in the caller's transaction. Idempotent: rows are keyed by
 * (provider, external id), so a re-sync updates in place; a credential another source already knows
 * by fingerprint (a config scan) is adopted rather than duplicated. A human's owner assignment is
 * never overwritten, only filled in. Every row seen gets last_synced_at (the gone-upstream sweep
 * reads it); only created or changed credentials are rescored.
 */

export type TBatchCounts = { identities: number; created: number; updated: number; unchanged: number; restored: number };

type TExisting = {
  id: string;
  external_id: string | null;
  fingerprint: string | null;
  name: string;
  kind: string;
  scopes: string[];
  audiences: string[];
  issued_at: Date | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  identity_id: string | null;
  owner_id: string | null;
  hint: string | null;
  revoked_upstream_at: Date | null;
  provider_metadata: unknown;
};

const sameTime = (a: Date | null, b: Date | undefined) => (a ? a.getTime() : null) === (b ? b.getTime() : null);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
/** JSONB does not keep key order: compare canonical forms. */
const canonical = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

async function ownersByEmail(tx: TTx, emails: (string | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ id: string; email: string }[]>(
    `SELECT id::text AS id, lower(email) AS email FROM users WHERE active AND lower(email) = ANY($1::text[])`,
    wanted,
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

async function upsertIdentities(tx: TTx, providerId: string, items: TSyncedIdentity[], owners: Map<string, string>, now: Date): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  // Last one wins if a provider names an identity twice in one batch (ON CONFLICT cannot touch a row twice).
  const unique = [...new Map(items.map((i) => [i.externalId, i])).values()];
  const rows = await tx.$queryRawUnsafe<{ id: string; external_id: string }[]>(
    `INSERT INTO identities (id, kind, name, provider_id, external_id, owner_id, provider_metadata, last_seen_at, created_at, updated_at)
     SELECT t.id, t.kind::"IdentityKind", t.name, $1::uuid, t.external_id, t.owner_id, t.metadata::jsonb, $6::timestamp(3), $6::timestamp(3), $6::timestamp(3)
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $7::uuid[], $8::text[]) AS t(id, kind, name, external_id, owner_id, metadata)
     ON CONFLICT (provider_id, external_id) DO UPDATE
        SET name = EXCLUDED.name, kind = EXCLUDED.kind, last_seen_at = EXCLUDED.last_seen_at, provider_metadata = EXCLUDED.provider_metadata,
            owner_id = COALESCE(identities.owner_id, EXCLUDED.owner_id), updated_at = EXCLUDED.updated_at
     RETURNING id::text AS id, external_id`,
    providerId,
    unique.map(() => randomUUID()),
    unique.map((i) => i.identityKind),
    unique.map((i) => i.name.slice(0, 500)),
    unique.map((i) => i.externalId),
    now.toISOString(),
    unique.map((i) => (i.ownerEmail ? (owners.get(i.ownerEmail.toLowerCase()) ?? null) : null)),
    unique.map((i) => JSON.stringify(i.metadata)),
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

async function identityIds(tx: TTx, providerId: string, externalIds: string[], known: Map<string, string>): Promise<Map<string, string>> {
  const missing = [...new Set(externalIds)].filter((id) => !known.has(id));
  if (missing.length === 0) return known;
  const rows = await tx.$queryRawUnsafe<{ id: string; external_id: string }[]>(
    `SELECT id::text AS id, external_id FROM identities WHERE provider_id = $1::uuid AND external_id = ANY($2::text[])`,
    providerId,
    missing,
  );
  return new Map([...known, ...rows.map((r) => [r.external_id, r.id] as const)]);
}

export async function applySyncBatch(
  tx: TTx,
  providerId: string,
  batch: { identities: TSyncedIdentity[]; credentials: TSyncedCredential[] },
  now: Date,
): Promise<TBatchCounts> {
  const owners = await ownersByEmail(tx, [...batch.identities.map((i) => i.ownerEmail), ...batch.credentials.map((c) => c.ownerEmail)]);
  const fromBatch = await upsertIdentities(tx, providerId, batch.identities, owners, now);
  const identities = await identityIds(tx, providerId, batch.credentials.flatMap((c) => (c.identityExternalId ? [c.identityExternalId] : [])), fromBatch);
  const counts: TBatchCounts = { identities: fromBatch.size, created: 0, updated: 0, unchanged: 0, restored: 0 };
  const credentials = [...new Map(batch.credentials.map((c) => [c.externalId, c])).values()];
  if (credentials.length === 0) return counts;

  const existing = await tx.$queryRawUnsafe<TExisting[]>(
    `SELECT id::text AS id, external_id, fingerprint, name, kind::text AS kind, scopes, audiences, issued_at, expires_at, last_used_at,
            identity_id::text AS identity_id, owner_id::text AS owner_id, hint, revoked_upstream_at, provider_metadata
       FROM credentials
      WHERE (provider_id = $1::uuid AND external_id = ANY($2::text[])) OR fingerprint = ANY($3::text[])
      ORDER BY id FOR UPDATE`,
    providerId,
    credentials.map((c) => c.externalId),
    credentials.flatMap((c) => (c.fingerprint ? [c.fingerprint] : [])),
  );
  const byExternal = new Map(existing.filter((e) => e.external_id !== null).map((e) => [e.external_id!, e]));
  const byFingerprint = new Map(existing.filter((e) => e.fingerprint !== null).map((e) => [e.fingerprint!, e]));

  const seenIds: string[] = [];
  const rescore: string[] = [];
  const toCreate: TSyncedCredential[] = [];
  for (const item of credentials) {
    const row = byExternal.get(item.externalId) ?? (item.fingerprint ? byFingerprint.get(item.fingerprint) : undefined);
    if (!row) {
      toCreate.push(item);
      continue;
    }
    seenIds.push(row.id);
    const identityId = item.identityExternalId ? (identities.get(item.identityExternalId) ?? null) : row.identity_id;
    const ownerId = row.owner_id ?? (item.ownerEmail ? (owners.get(item.ownerEmail.toLowerCase()) ?? null) : null);
    // Last use only moves forward: a provider that forgets (or lags) does not erase what usage showed.
    const lastUsedAt = item.lastUsedAt && (!row.last_used_at || item.lastUsedAt > row.last_used_at) ? item.lastUsedAt : row.last_used_at;
    const changed =
      row.external_id !== item.externalId ||
      row.name !== item.name ||
      row.kind !== item.credentialKind ||
      !sameList(row.scopes, item.scopes) ||
      !sameList(row.audiences, item.audiences ?? row.audiences) ||
      !sameTime(row.issued_at, item.issuedAt ?? row.issued_at ?? undefined) ||
      !sameTime(row.expires_at, item.expiresAt) ||
      !sameTime(row.last_used_at, lastUsedAt ?? undefined) ||
      row.identity_id !== identityId ||
      row.owner_id !== ownerId ||
      canonical(row.provider_metadata) !== canonical(item.metadata) ||
      (item.fingerprint !== undefined && row.fingerprint !== item.fingerprint);
    const restored = row.revoked_upstream_at !== null;
    if (!changed && !restored) {
      counts.unchanged++;
      continue;
    }
    await tx.credential.update({
      where: { id: row.id },
      data: {
        providerId,
        externalId: item.externalId,
        name: item.name.slice(0, 500),
        kind: item.credentialKind,
        scopes: item.scopes,
        ...(item.audiences ? { audiences: item.audiences } : {}),
        ...(item.issuedAt ? { issuedAt: item.issuedAt } : {}),
        expiresAt: item.expiresAt ?? null,
        lastUsedAt,
        identityId,
        ownerId,
        providerMetadata: item.metadata as object,
        ...(item.fingerprint ? { fingerprint: item.fingerprint, hint: item.hint ?? row.hint } : {}),
        source: "sync",
        ...(restored ? { status: "active", revokedUpstreamAt: null } : {}),
      },
    });
    if (restored) {
      counts.restored++;
      await appendAuditEvent(tx, null, {
        action: "credential.restored_upstream",
        targetType: "credential",
        targetId: row.id,
        summary: { providerId, externalId: item.externalId, revokedUpstreamAt: row.revoked_upstream_at!.toISOString(), by: "provider sync" },
      });
    } else counts.updated++;
    rescore.push(row.id);
  }

  if (toCreate.length > 0) {
    const created = toCreate.map((item) => ({
      id: randomUUID(),
      name: item.name.slice(0, 500),
      kind: item.credentialKind,
      providerId,
      externalId: item.externalId,
      fingerprint: item.fingerprint ?? null,
      hint: item.hint ?? null,
      scopes: item.scopes,
      audiences: item.audiences ?? [],
      issuedAt: item.issuedAt ?? null,
      expiresAt: item.expiresAt ?? null,
      lastUsedAt: item.lastUsedAt ?? null,
      identityId: item.identityExternalId ? (identities.get(item.identityExternalId) ?? null) : null,
      ownerId: item.ownerEmail ? (owners.get(item.ownerEmail.toLowerCase()) ?? null) : null,
      source: "sync" as const,
      providerMetadata: item.metadata as object,
      lastSyncedAt: now,
    }));
    await tx.credential.createMany({ data: created });
    counts.created += created.length;
    rescore.push(...created.map((c) => c.id));
  }
  if (seenIds.length > 0) {
    await tx.$executeRawUnsafe(`UPDATE credentials SET last_synced_at = $2::timestamp(3) WHERE id = ANY($1::uuid[])`, seenIds, now.toISOString());
  }
  await recomputeCredentials(tx, rescore, { now });
  return counts;
}

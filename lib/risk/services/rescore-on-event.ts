import type { ExposureLocation as TExposureLocation } from "@/lib/generated/prisma/enums";
import type { TTx } from "@/lib/server/execute";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";

/**
 * The write paths of the events a score depends on, each rescoring in the caller's transaction
 * through the one seam (recomputeCredentials). Usage and exposure ingestion (connectors, scanners)
 * call these; expiry is lib/risk/services/expire-credentials.ts; owner/team changes are
 * lib/ownership; API-key use is lib/api-keys/services/authenticate-api-key.ts.
 */

/** A credential was seen in use at `at`: last_used_at only moves forward; the score follows. */
export async function recordCredentialUse(tx: TTx, credentialId: string, at: Date, options: { now?: Date } = {}): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE credentials SET last_used_at = $2::timestamp(3) WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < $2::timestamp(3))`,
    credentialId,
    at.toISOString(),
  );
  await recomputeCredentials(tx, [credentialId], { now: options.now ?? at });
}

export type TExposureInput = {
  credentialId: string;
  fingerprint: string;
  locationKind: TExposureLocation;
  location: string;
  repository?: string | null;
  line?: number | null;
  detector: string;
  detectedAt: Date;
};

/**
 * A credential was found exposed: the exposure is recorded once per (fingerprint, location) —
 * a rescan re-opens nothing and adds nothing — and the credential is rescored (exposure_count is
 * kept by the exposures trigger before the rescore reads it).
 */
export async function recordExposure(tx: TTx, input: TExposureInput, options: { now?: Date } = {}): Promise<void> {
  await tx.exposure.upsert({
    where: { fingerprint_location: { fingerprint: input.fingerprint, location: input.location } },
    create: {
      credentialId: input.credentialId, fingerprint: input.fingerprint, locationKind: input.locationKind, location: input.location,
      repository: input.repository ?? null, line: input.line ?? null, detector: input.detector, detectedAt: input.detectedAt,
    },
    update: {},
  });
  await recomputeCredentials(tx, [input.credentialId], { now: options.now ?? input.detectedAt });
}

/** A credential's scopes changed (a sync saw new grants): stored, then rescored. */
export async function recordScopes(tx: TTx, credentialId: string, scopes: readonly string[], options: { now?: Date } = {}): Promise<void> {
  await tx.credential.update({ where: { id: credentialId }, data: { scopes: [...scopes] } });
  await recomputeCredentials(tx, [credentialId], { now: options.now });
}

/**
 * A user's active flag changed: every credential they answer for (their own, or held by an identity
 * they own with no owner of its own) is rescored — "orphaned" and its evidence follow the owner at
 * once rather than at the next full recompute. The credentials' `orphaned` flag is the triggers' job.
 */
export async function recordOwnerActivity(tx: TTx, userId: string, options: { now?: Date } = {}): Promise<number> {
  const held = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id::text AS id FROM credentials c WHERE c.owner_id = $1::uuid
     UNION
     SELECT c.id::text FROM credentials c JOIN identities i ON i.id = c.identity_id WHERE c.owner_id IS NULL AND i.owner_id = $1::uuid`,
    userId,
  );
  return (await recomputeCredentials(tx, held.map((r) => r.id), options)).scored;
}

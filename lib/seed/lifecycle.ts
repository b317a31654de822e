import type { CredentialKind, CredentialStatus } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, HOUR, recentBetween } from "@/lib/seed/time";

/**
 * A credential's timeline: issued → (rotated) → last used → expires, and the status that follows.
 * The shares below are the targets the bench data is checked against (see lifecycle.test.ts): they
 * decide how many rows each risk factor and each inventory filter will hit.
 */

export const HISTORY_DAYS = 730;
export const STALE_DAYS = 90;
/**
 * Draw probabilities of each usage class. Short-lived tokens cannot be stale, so the stale draw is
 * set above the 20 % the data should show; lifecycle.test.ts checks the realised shares.
 */
export const USAGE_SHARES = { never: 0.15, stale: 0.25, recent: 0.6 } as const;
/** Of the credentials that do expire, the share already past expiry. */
export const EXPIRED_SHARE = 0.15;
export const REVOKED_SHARE = 0.04;
export const DISABLED_SHARE = 0.02;

type TTtl = { never: number; min: number; max: number };

/** Probability of no expiry and the TTL range otherwise, per kind (some per provider). */
export function ttlFor(provider: TProviderKey, kind: CredentialKind): TTtl {
  switch (kind) {
    case "installation_token": return { never: 0, min: HOUR, max: HOUR };
    case "oauth_access_token":
      // GitHub OAuth-app tokens do not expire; authorization servers issue 30 min – 1 d tokens (about
      // one in five lives an hour or less: with a refresh token beside it, that one is auto-refreshing).
      return provider === "github" ? { never: 0.4, min: 8 * HOUR, max: 8 * HOUR } : { never: 0, min: HOUR / 2, max: 24 * HOUR };
    case "oauth_refresh_token": return { never: 0.1, min: 30 * DAY, max: 90 * DAY };
    case "pat": return { never: 0.15, min: 7 * DAY, max: 366 * DAY };
    case "client_secret": return { never: 0.3, min: 180 * DAY, max: 400 * DAY };
    case "cloud_access_key": return { never: 1, min: 0, max: 0 };
    case "static_bearer": return { never: 0.3, min: 30 * DAY, max: 400 * DAY };
    case "api_key":
      if (provider === "slack" || provider === "stripe") return { never: 0.5, min: 90 * DAY, max: 400 * DAY };
      return { never: 0.15, min: 30 * DAY, max: 400 * DAY };
  }
}

const LONG_LIVED: ReadonlySet<CredentialKind> = new Set(["pat", "client_secret", "api_key", "cloud_access_key", "static_bearer"]);

export type TLifecycle = {
  issuedAt: number; expiresAt: number | null; lastUsedAt: number | null; lastRotatedAt: number | null;
  status: CredentialStatus;
};

export function pickLifecycle(rng: TRng, now: number, provider: TProviderKey, kind: CredentialKind): TLifecycle {
  const ttl = ttlFor(provider, kind);
  const oldest = now - HISTORY_DAYS * DAY;
  const usage = rng.weighted([["never", USAGE_SHARES.never], ["stale", USAGE_SHARES.stale], ["recent", USAGE_SHARES.recent]] as const);
  const expires = !rng.chance(ttl.never);
  const length = expires ? Math.round(ttl.min === ttl.max ? ttl.min : rng.logUniform(ttl.min, ttl.max)) : 0;
  const expired = expires && rng.chance(EXPIRED_SHARE);

  let issuedAt: number;
  if (expires && expired) issuedAt = between(rng, oldest, now - length);
  else if (expires) issuedAt = between(rng, Math.max(oldest, now - length), usage === "stale" && length > (STALE_DAYS + 10) * DAY ? now - (STALE_DAYS + 10) * DAY : now);
  // Stale means "issued long ago, not used for 90 days": place those well in the past.
  else if (usage === "stale") issuedAt = between(rng, oldest, now - (STALE_DAYS + 10) * DAY);
  else issuedAt = recentBetween(rng, oldest, now, 0.8);
  const expiresAt = expires ? issuedAt + length : null;
  const end = expiresAt !== null ? Math.min(now, expiresAt) : now;

  let lastUsedAt: number | null = null;
  const staleBefore = now - STALE_DAYS * DAY;
  if (usage === "recent" && end > now - 30 * DAY) lastUsedAt = recentBetween(rng, Math.max(issuedAt, now - 30 * DAY), end, 3);
  else if (usage === "stale" && issuedAt < staleBefore) lastUsedAt = between(rng, issuedAt, Math.min(end, staleBefore));
  else if (usage !== "never") lastUsedAt = between(rng, issuedAt, end);

  // Rotation keeps the record and replaces the secret, at least a month after issue and before expiry.
  const lastRotatedAt = LONG_LIVED.has(kind) && rng.chance(0.3) && end - issuedAt > 31 * DAY
    ? between(rng, issuedAt + 30 * DAY, end - DAY) : null;

  const status: CredentialStatus =
    expiresAt !== null && expiresAt <= now ? "expired"
    : rng.chance(REVOKED_SHARE) ? "revoked"
    : rng.chance(DISABLED_SHARE) ? "disabled"
    : "active";
  return { issuedAt, expiresAt, lastUsedAt, lastRotatedAt, status };
}

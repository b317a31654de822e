import { permissionsOfScopes } from "@/lib/api-keys/scopes";
import { parseApiToken, tokenMatches } from "@/lib/api-keys/token";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { recordCredentialUse } from "@/lib/risk/services/rescore-on-event";
import type { TRateLimitStore } from "@/lib/security/rate-limit";

/**
 * A machine caller's identity: the API key in `Authorization: Bearer twk_…`, checked in constant
 * time against its stored hash, then its state (revoked, expired, creator deactivated), then its
 * request budget. The actor is the key's creator as the database knows them now, cut to the key's
 * scopes (lib/auth/access.ts). Last use is written at most once a minute per key, so a busy key does
 * not turn every read into a write.
 */

type TKeyRow = {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  expires_at: Date;
  revoked_at: Date | null;
  credential_id: string;
  user_id: string;
  email: string;
  user_name: string;
  role: TRole;
  active: boolean;
  team_ids: string[];
};

export type TApiKeyAuthOptions = { store: TRateLimitStore; limitPerMinute: number; clientAddress: string | null; now?: Date };

const UNKNOWN = "Unknown API key. Send a key created under Settings → API keys as Authorization: Bearer twk_…";
const LAST_USED_EVERY_MS = 60_000;

export async function authenticateApiKey(prisma: PrismaClient, token: string, options: TApiKeyAuthOptions): Promise<TActor> {
  const now = options.now ?? new Date();
  const parsed = parseApiToken(token);
  if (!parsed) throw new AppError("UNAUTHENTICATED", UNKNOWN);
  const [key] = await prisma.$queryRawUnsafe<TKeyRow[]>(
    `SELECT k.id::text AS id, k.name, k.prefix, k.secret_hash, k.scopes, k.expires_at, k.revoked_at, k.credential_id::text AS credential_id,
            u.id::text AS user_id, u.email, u.name AS user_name, u.role::text AS role, u.active,
            COALESCE((SELECT array_agg(m.team_id::text ORDER BY m.team_id) FROM team_memberships m WHERE m.user_id = u.id), '{}') AS team_ids
       FROM api_keys k JOIN users u ON u.id = k.created_by_id
      WHERE k.prefix = $1`,
    parsed.prefix,
  );
  if (!key || !tokenMatches(token, key.secret_hash)) {
    logger.warn("API key refused: unknown", { prefix: parsed.prefix, client: options.clientAddress });
    throw new AppError("UNAUTHENTICATED", UNKNOWN);
  }
  // The caller proved it holds the token: now it may learn why the key no longer works.
  if (key.revoked_at) throw refused(key, `API key ${key.prefix} was revoked.`);
  if (key.expires_at.getTime() <= now.getTime()) throw refused(key, `API key ${key.prefix} expired on ${key.expires_at.toISOString().slice(0, 10)}.`);
  if (!key.active) throw refused(key, `API key ${key.prefix} belongs to a deactivated user.`);

  const budget = await options.store.reserve(`api_key:${key.id}`, { limit: options.limitPerMinute, windowMs: 60_000 }, now.getTime());
  if (!budget.allowed) {
    throw new AppError("RATE_LIMITED", `API key ${key.prefix} is over its budget of ${options.limitPerMinute} requests a minute.`, {
      retryAfterSeconds: Math.max(1, Math.ceil(budget.retryAfterMs / 1000)),
    });
  }
  await touchLastUsed(prisma, key, options.clientAddress, now);
  return {
    id: key.user_id,
    email: key.email,
    name: key.user_name,
    role: key.role,
    teamIds: key.team_ids,
    apiKey: { id: key.id, name: key.name, prefix: key.prefix, permissions: permissionsOfScopes(key.scopes) },
  };
}

function refused(key: TKeyRow, message: string): AppError {
  logger.warn("API key refused", { prefix: key.prefix, reason: message });
  return new AppError("UNAUTHENTICATED", message);
}

async function touchLastUsed(prisma: PrismaClient, key: TKeyRow, from: string | null, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_EVERY_MS);
  await prisma.$transaction(async (tx) => {
    const touched = await tx.$executeRawUnsafe(
      `UPDATE api_keys SET last_used_at = $2::timestamp(3), last_used_from = $3 WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < $4::timestamp(3))`,
      key.id,
      now.toISOString(),
      from,
      cutoff.toISOString(),
    );
    // The inventory's "last used" is the risk engine's staleness evidence: keep the credential in step.
    if (touched === 0) return;
    await recordCredentialUse(tx, key.credential_id, now);
  });
}

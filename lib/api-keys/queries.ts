import "server-only";
import type { TActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { personFor } from "@/lib/users/visibility";

/**
 * The API keys list for Settings → API keys. Only what the table needs leaves the database: never the
 * secret hash. A handful of keys per organisation, so the list is read whole, newest first, capped.
 */

export const API_KEY_LIST_CAP = 500;

export type TApiKeyStatus = "active" | "expired" | "revoked";

export type TApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  creator: { id: string; name: string; email?: string };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedFrom: string | null;
  status: TApiKeyStatus;
  credentialId: string;
};

/** Revoked wins over expired: a revoked key is refused whatever its expiry says. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date }, now: Date): TApiKeyStatus {
  if (key.revokedAt) return "revoked";
  return key.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export async function listApiKeys(
  prisma: PrismaClient,
  viewer: Pick<TActor, "role">,
  now = new Date(),
): Promise<{ items: TApiKeyRow[]; capped: boolean; readAt: number }> {
  const rows = await prisma.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: API_KEY_LIST_CAP + 1,
    select: {
      id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true,
      lastUsedAt: true, lastUsedFrom: true, credentialId: true,
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  return {
    readAt: now.getTime(),
    capped: rows.length > API_KEY_LIST_CAP,
    items: rows.slice(0, API_KEY_LIST_CAP).map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      creator: personFor(viewer, k.createdBy),
      createdAt: k.createdAt.toISOString(),
      expiresAt: k.expiresAt.toISOString(),
      revokedAt: k.revokedAt?.toISOString() ?? null,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      lastUsedFrom: k.lastUsedFrom,
      status: apiKeyStatus(k, now),
      credentialId: k.credentialId,
    })),
  };
}

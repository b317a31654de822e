import type { TCredentialKind, TCredentialStatus } from "@/lib/inventory/vocabulary";

/**
 * A short-lived OAuth access token that renews itself: its refresh token mints the next one before
 * it lapses, so its expiry is no call to rotate. Such tokens are shown as auto-refreshing and kept
 * out of the "expiring soon — rotate" tiles. One definition, here, in TypeScript and in SQL:
 * an `oauth_access_token` whose lifetime (issued → expires) is at most an hour and whose linked
 * refresh token is live (active and not past its own expiry).
 */
export const AUTO_REFRESH_MAX_TTL_MS = 3_600_000;

type TTokenFacts = { kind: TCredentialKind; issuedAt: Date | string | null; expiresAt: Date | string | null };
type TRefreshFacts = { status: TCredentialStatus; expiresAt: Date | string | null } | null;

export function isAutoRefreshing(token: TTokenFacts, refresh: TRefreshFacts, now: Date): boolean {
  if (token.kind !== "oauth_access_token" || !token.issuedAt || !token.expiresAt || !refresh) return false;
  const ttl = new Date(token.expiresAt).getTime() - new Date(token.issuedAt).getTime();
  if (!(ttl > 0 && ttl <= AUTO_REFRESH_MAX_TTL_MS)) return false;
  return refresh.status === "active" && (refresh.expiresAt === null || new Date(refresh.expiresAt).getTime() > now.getTime());
}

/** SQL: credential `c` is auto-refreshing at `nowParam` (a bound timestamp(3)). */
export function autoRefreshSql(nowParam: string, c = "c"): string {
  return `(${c}.kind = 'oauth_access_token' AND ${c}.expires_at > ${c}.issued_at
    AND ${c}.expires_at - ${c}.issued_at <= interval '1 hour'
    AND EXISTS (SELECT 1 FROM credentials rt WHERE rt.id = ${c}.refresh_credential_id AND rt.status = 'active' AND (rt.expires_at IS NULL OR rt.expires_at > ${nowParam})))`;
}

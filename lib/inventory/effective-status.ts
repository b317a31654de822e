import type { TCredentialStatus } from "@/lib/inventory/vocabulary";

/**
 * A credential is expired the moment its expiry passes, whether or not the expiry job
 * (lib/risk/jobs.ts, every minute) has written that yet. Every read derives the effective status
 * the same way: here in TypeScript (detail page), and as SQL for lists, filters and counts.
 */

export function effectiveStatus(status: TCredentialStatus, expiresAt: Date | string | null, now: Date): TCredentialStatus {
  if (status !== "active" || expiresAt === null) return status;
  return new Date(expiresAt).getTime() <= now.getTime() ? "expired" : status;
}

/** SQL: the credential (`c`) is effectively active at `nowParam` (a timestamp(3) placeholder). */
export const liveSql = (nowParam: string, c = "c") => `(${c}.status = 'active' AND (${c}.expires_at IS NULL OR ${c}.expires_at > ${nowParam}))`;

/** SQL: the effective status as a "CredentialStatus" value. */
export const effectiveStatusSql = (nowParam: string, c = "c") =>
  `(CASE WHEN ${c}.status = 'active' AND ${c}.expires_at <= ${nowParam} THEN 'expired'::"CredentialStatus" ELSE ${c}.status END)`;

/**
 * SQL: the effective status is one of `values`; `add` binds a value. `now` binds the clock only when
 * a value needs it: a bound parameter the statement never references has no type, and PostgreSQL
 * refuses the whole statement (42P18) — `status=revoked` failed that way.
 */
export function statusConditionSql(values: readonly TCredentialStatus[], now: () => string, add: (v: unknown, cast: string) => string): string {
  const parts: string[] = [];
  let bound: string | undefined;
  const nowParam = () => (bound ??= now());
  const plain = values.filter((v) => v !== "active" && v !== "expired");
  if (values.includes("active")) parts.push(liveSql(nowParam()));
  if (values.includes("expired")) parts.push(`(c.status = 'expired' OR (c.status = 'active' AND c.expires_at <= ${nowParam()}))`);
  if (plain.length === 1) parts.push(`c.status = ${add(plain[0], `"CredentialStatus"`)}`);
  if (plain.length > 1) parts.push(`c.status = ANY(${add(plain, `"CredentialStatus"[]`)})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { TIMING_DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { ZCredentialsSignIn } from "@/lib/auth/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRateLimitRule, TRateLimitStore } from "@/lib/security/rate-limit";
import { logger } from "@/lib/logging/logger";

/**
 * Per e-mail: three free attempts, then each failure doubles a wait (1 s … 15 min) — the right
 * password still gets in once the wait is over, instead of a hard lock an attacker can hold on the
 * admin forever. Per client address (when known): 30 failures per 5 minutes (offices share one).
 * Both are reserved BEFORE the password is checked, so a parallel burst cannot slip past them.
 */
export const EMAIL_RULE: TRateLimitRule = { limit: 10_000, windowMs: 15 * 60_000, backoff: { freeAttempts: 3, baseMs: 1000, maxMs: 15 * 60_000 } };
export const ADDRESS_RULE: TRateLimitRule = { limit: 30, windowMs: 5 * 60_000 };
// Audit events for failures: at most one per e-mail per window, carrying the running count.
const AUDIT_RULE: TRateLimitRule = { limit: 1, windowMs: 5 * 60_000 };

export type TLocalAuthResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

type TDeps = { store: TRateLimitStore; now?: () => number };

async function auditRateLimited(prisma: PrismaClient, deps: TDeps, action: string, email: string, summary: Record<string, unknown>) {
  const now = (deps.now ?? Date.now)();
  if (!(await deps.store.reserve(`audit:${action}:${email}`, AUDIT_RULE, now)).allowed) return;
  await prisma.$transaction((tx) => appendAuditEvent(tx, null, { action, targetType: "user", summary: { email, ...summary } }));
}

export async function authenticateLocalUser(
  prisma: PrismaClient,
  raw: unknown,
  clientAddress: string | null,
  deps: TDeps,
): Promise<TLocalAuthResult> {
  const parsed = ZCredentialsSignIn.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = (deps.now ?? Date.now)();
  const { store } = deps;
  const addressKey = clientAddress ? `sign-in:address:${clientAddress}` : null;
  const emailKey = `sign-in:email:${email}`;

  const byAddress = addressKey ? await store.reserve(addressKey, ADDRESS_RULE, now) : null;
  const byEmail = byAddress && !byAddress.allowed ? null : await store.reserve(emailKey, EMAIL_RULE, now);
  if (!byEmail?.allowed) {
    // Refused by the e-mail's back-off: that attempt was never checked, so it must not use up the address.
    if (addressKey && byEmail) await store.release(addressKey, now);
    const retryAfterMs = Math.max(1000, byEmail?.retryAfterMs ?? byAddress?.retryAfterMs ?? 0);
    logger.warn("sign-in throttled", { email, clientAddress, retryAfterMs });
    await auditRateLimited(prisma, deps, "auth.sign_in_throttled", email, { clientAddress, by: byEmail ? "email" : "address", retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
    return { ok: false, reason: "rate_limited", retryAfterMs };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !user.passwordHash || !passwordOk || !user.active) {
    logger.warn("sign-in refused", { email, clientAddress });
    await auditRateLimited(prisma, deps, "auth.sign_in_failed", email, { clientAddress, failures: byEmail.count });
    return { ok: false, reason: "invalid" };
  }

  await store.reset(emailKey);
  if (addressKey) await store.release(addressKey, now);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await appendAuditEvent(tx, { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: [] }, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      summary: { method: "credentials" },
    });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

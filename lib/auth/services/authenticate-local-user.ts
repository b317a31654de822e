import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { TIMING_DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { ZCredentialsSignIn } from "@/lib/auth/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createRateLimiter } from "@/lib/security/rate-limit";
import { logger } from "@/lib/logging/logger";

// Failed attempts only: 10 per e-mail and 30 per client address (offices share one) every 5 minutes.
const byEmail = createRateLimiter({ limit: 10, windowMs: 5 * 60_000 });
const byAddress = createRateLimiter({ limit: 30, windowMs: 5 * 60_000 });

export type TLocalAuthResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "rate_limited" };

export async function authenticateLocalUser(
  prisma: PrismaClient,
  raw: unknown,
  clientAddress: string,
): Promise<TLocalAuthResult> {
  const parsed = ZCredentialsSignIn.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  if (byEmail.isLimited(email) || byAddress.isLimited(clientAddress)) {
    logger.warn("sign-in rate limited", { email, clientAddress });
    return { ok: false, reason: "rate_limited" };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !user.passwordHash || !passwordOk || !user.active) {
    byEmail.hit(email);
    byAddress.hit(clientAddress);
    logger.warn("sign-in refused", { email, clientAddress, known: Boolean(user), active: user?.active });
    return { ok: false, reason: "invalid" };
  }

  byEmail.reset(email);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await appendAuditEvent(tx, { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: [] }, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      summary: { method: "credentials" },
    });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

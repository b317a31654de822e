import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import type { TRole } from "@/lib/auth/permissions";
import { ZOidcClaims } from "@/lib/auth/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * Maps a signed-in OIDC account to a Tokenward user. The role comes from the IdP's group claim
 * through AUTH_OIDC_ROLE_MAP (the most privileged mapped group wins), else AUTH_OIDC_DEFAULT_ROLE;
 * with neither, the sign-in is refused (deny by default). A deactivated user stays refused.
 * The role is re-derived at every sign-in, so removing someone from an IdP group takes effect.
 */

const ROLE_RANK: Record<TRole, number> = { admin: 4, security: 3, owner: 2, auditor: 1 };

export type TSsoSettings = {
  issuer: string;
  roleClaim: string;
  roleMap: Map<string, TRole>;
  defaultRole?: TRole;
};

export type TSsoResult = { ok: true; userId: string } | { ok: false; reason: "no_role" | "deactivated" | "bad_claims" };

export function roleFromClaims(claims: Record<string, unknown>, settings: TSsoSettings): TRole | undefined {
  const raw = claims[settings.roleClaim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  const mapped = groups.map((g) => settings.roleMap.get(g)).filter((r): r is TRole => Boolean(r));
  mapped.sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);
  return mapped[0] ?? settings.defaultRole;
}

export async function resolveSsoUser(
  prisma: PrismaClient,
  claims: Record<string, unknown>,
  settings: TSsoSettings,
): Promise<TSsoResult> {
  const parsed = ZOidcClaims.safeParse(claims);
  if (!parsed.success) {
    logger.warn("SSO sign-in refused: the IdP sent no usable sub/email", { issues: parsed.error.issues.length });
    return { ok: false, reason: "bad_claims" };
  }
  const { sub, email } = parsed.data;
  const name = parsed.data.name ?? parsed.data.preferred_username ?? email;
  const role = roleFromClaims(claims, settings);
  if (!role) {
    logger.warn("SSO sign-in refused: no Tokenward role for this account", { email });
    return { ok: false, reason: "no_role" };
  }
  const subject = `${settings.issuer}|${sub}`;

  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findFirst({ where: { OR: [{ oidcSubject: subject }, { email }] } });
    if (existing && !existing.active) return { ok: false as const, reason: "deactivated" as const };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role, name, oidcSubject: subject, lastSignInAt: new Date() } })
      : await tx.user.create({ data: { email, name, role, oidcSubject: subject, lastSignInAt: new Date() } });
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: [] };
    await appendAuditEvent(tx, actor, {
      action: existing ? "auth.sign_in" : "auth.sso_user_created",
      targetType: "user",
      targetId: user.id,
      summary: existing && existing.role !== role ? { method: "oidc", before: { role: existing.role }, after: { role } } : { method: "oidc", role },
    });
    return { ok: true as const, userId: user.id };
  });
}

import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import type { TRole } from "@/lib/auth/permissions";
import { ZOidcClaims } from "@/lib/auth/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/server/execute";
import { logger } from "@/lib/logging/logger";
import { otherActiveAdminRemains } from "@/lib/users/services/ensure-admin-remains";

/**
 * Maps a signed-in OIDC account to a Tokenward user. The identity is the (issuer, sub) pair, never
 * the e-mail: an IdP lets users set or change their e-mail, so an e-mail alone would let one IdP
 * account become another user. An account is linked to an existing user by e-mail only when the
 * IdP asserts `email_verified === true` (the boolean; strings like "true" are refused — deny by
 * default) and that user has no subject yet. A new user is created only from a verified e-mail too,
 * so an unverified account cannot squat an address. The stored e-mail is never changed by the IdP.
 *
 * The role comes from the IdP's group claim through AUTH_OIDC_ROLE_MAP (the most privileged mapped
 * group wins), else AUTH_OIDC_DEFAULT_ROLE; with neither, the sign-in is refused. It is re-derived at
 * every sign-in, except that it never demotes the last active admin (checked under a row lock).
 */

const ROLE_RANK: Record<TRole, number> = { admin: 4, security: 3, owner: 2, auditor: 1 };

export type TSsoSettings = {
  issuer: string;
  roleClaim: string;
  roleMap: Map<string, TRole>;
  defaultRole?: TRole;
  /** Splits a string group claim; unset: a string claim is one group (arrays are always taken as they are). */
  groupsDelimiter?: string;
};

export type TSsoRefusal = "no_role" | "deactivated" | "bad_claims" | "unverified_email" | "email_taken";
export type TSsoResult = { ok: true; userId: string } | { ok: false; reason: TSsoRefusal };

export function groupsFromClaim(raw: unknown, delimiter?: string): string[] {
  if (Array.isArray(raw)) return raw.filter((g): g is string => typeof g === "string");
  if (typeof raw !== "string") return [];
  return delimiter ? raw.split(delimiter).map((g) => g.trim()).filter(Boolean) : [raw];
}

export function roleFromClaims(claims: Record<string, unknown>, settings: TSsoSettings): TRole | undefined {
  const groups = groupsFromClaim(claims[settings.roleClaim], settings.groupsDelimiter);
  const mapped = groups.map((g) => settings.roleMap.get(g)).filter((r): r is TRole => Boolean(r));
  mapped.sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);
  return mapped[0] ?? settings.defaultRole;
}

async function refuse(tx: TTx, reason: TSsoRefusal, detail: Record<string, unknown>): Promise<TSsoResult> {
  logger.warn("SSO sign-in refused", { reason, ...detail });
  await appendAuditEvent(tx, null, { action: "auth.sso_refused", targetType: "user", targetId: null, summary: { method: "oidc", reason, ...detail } });
  return { ok: false, reason };
}

export async function resolveSsoUser(prisma: PrismaClient, claims: Record<string, unknown>, settings: TSsoSettings): Promise<TSsoResult> {
  const parsed = ZOidcClaims.safeParse(claims);
  if (!parsed.success) {
    logger.warn("SSO sign-in refused: the IdP sent no usable sub/email", { issues: parsed.error.issues.length });
    return { ok: false, reason: "bad_claims" };
  }
  const { sub, email } = parsed.data;
  const emailVerified = claims.email_verified === true;
  const name = parsed.data.name ?? parsed.data.preferred_username ?? email;
  const mappedRole = roleFromClaims(claims, settings);
  if (!mappedRole) {
    logger.warn("SSO sign-in refused: no Tokenward role for this account", { email });
    return { ok: false, reason: "no_role" };
  }
  const subject = `${settings.issuer}|${sub}`;

  return prisma.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({ where: { oidcSubject: subject } });
    let existing = bySubject;
    let linkedByEmail = false;
    if (!existing) {
      const byEmail = await tx.user.findUnique({ where: { email } });
      if (byEmail?.oidcSubject) return refuse(tx, "email_taken", { subject, email });
      if (!emailVerified) return refuse(tx, "unverified_email", { subject, email, emailVerified: claims.email_verified ?? null });
      existing = byEmail;
      linkedByEmail = Boolean(byEmail);
    }
    if (existing && !existing.active) return { ok: false as const, reason: "deactivated" as const };

    let role = mappedRole;
    const keepsLastAdmin = existing?.role === "admin" && mappedRole !== "admin" && !(await otherActiveAdminRemains(tx, existing.id));
    if (keepsLastAdmin) role = "admin";

    const now = new Date();
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          // A role the IdP changed ends the user's other sessions too (they carry the old role's session version).
          data: { role, name, oidcSubject: subject, lastSignInAt: now, ...(existing.role !== role ? { sessionVersion: { increment: 1 } } : {}) },
        })
      : await tx.user.create({ data: { email, name, role, oidcSubject: subject, lastSignInAt: now } });
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: [] };
    const summary: Record<string, unknown> = { method: "oidc", subject, role };
    if (existing && existing.role !== role) Object.assign(summary, { before: { role: existing.role }, after: { role } });
    if (keepsLastAdmin) Object.assign(summary, { roleKept: "last_active_admin", mappedRole });
    if (linkedByEmail) Object.assign(summary, { linkedBy: "email" });
    if (email !== user.email) Object.assign(summary, { idpEmail: email });
    await appendAuditEvent(tx, actor, {
      action: !existing ? "auth.sso_user_created" : linkedByEmail ? "auth.sso_linked" : "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      summary,
    });
    return { ok: true as const, userId: user.id };
  });
}

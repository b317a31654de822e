import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticateLocalUser } from "@/lib/auth/services/authenticate-local-user";
import { resolveSsoUser, type TSsoRefusal } from "@/lib/auth/services/resolve-sso-user";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/client-address";
import { rateLimitStore } from "@/lib/security/rate-limit-store";
import { env, isOidcEnabled } from "@/lib/env";
import { sessionTooOld } from "@/lib/auth/session-token";
import { logger } from "@/lib/logging/logger";
import { safeRedirectPathOr } from "@/lib/security/safe-redirect";

/**
 * Auth.js configuration, built per request from the validated environment. JWT sessions carry only
 * the user id; the user's role and active flag are re-read from the database on every request
 * (lib/auth/session.ts), so a role change or deactivation takes effect at once.
 */

export const OIDC_PROVIDER_ID = "oidc";
export const CREDENTIALS_PROVIDER_ID = "credentials";

/** The wait travels in the code (the only part Auth.js hands back to the sign-in action): `rate_limited:<seconds>`. */
class RateLimitedSignin extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `rate_limited:${Math.ceil(retryAfterMs / 1000)}`;
  }
}

/** Refusals Auth.js reports as errors although they are the expected outcome of a wrong password or a refused IdP account. */
const EXPECTED_AUTH_ERRORS = new Set(["CredentialsSignin", "AccessDenied", "Verification"]);

const SSO_ERROR_CODES: Record<TSsoRefusal, string> = {
  no_role: "NoRole",
  deactivated: "Deactivated",
  unverified_email: "UnverifiedEmail",
  email_taken: "EmailTaken",
  bad_claims: "AccessDenied",
};

export function buildAuthConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [];

  if (isOidcEnabled(e)) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
      // nonce binds the ID token to this browser's sign-in attempt (replayed ID tokens are refused).
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: `openid email profile ${e.AUTH_OIDC_ROLE_CLAIM}` } },
      profile: (claims) => ({ id: String(claims.sub), email: String(claims.email ?? ""), name: String(claims.name ?? claims.email ?? "") }),
    });
  }

  if (e.TOKENWARD_LOCAL_LOGIN) {
    providers.push(
      Credentials({
        id: CREDENTIALS_PROVIDER_ID,
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (raw, request) => {
          const result = await authenticateLocalUser(await db(), raw, clientAddress(request.headers, e.TOKENWARD_TRUSTED_PROXIES), {
            store: await rateLimitStore(),
          });
          if (result.ok) return result.user;
          if (result.reason === "rate_limited") throw new RateLimitedSignin(result.retryAfterMs);
          return null;
        },
      }),
    );
  }

  return {
    secret: e.AUTH_SECRET,
    // Through our JSON logger: an expected refusal is one warn line without a stack (the audit trail
    // records failed sign-ins), anything else an error with its detail, secrets redacted.
    logger: {
      error(error) {
        const type = (error as Error & { type?: string }).type ?? error.name;
        if (EXPECTED_AUTH_ERRORS.has(type) || EXPECTED_AUTH_ERRORS.has(error.name)) logger.warn("sign-in refused by Auth.js", { type });
        else logger.error("Auth.js error", { error });
      },
      warn(code) {
        logger.warn("Auth.js warning", { code });
      },
      debug() {},
    },
    trustHost: true,
    providers,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const result = await resolveSsoUser(await db(), (profile ?? {}) as Record<string, unknown>, {
          issuer: e.AUTH_OIDC_ISSUER!,
          roleClaim: e.AUTH_OIDC_ROLE_CLAIM,
          roleMap: e.AUTH_OIDC_ROLE_MAP,
          defaultRole: e.AUTH_OIDC_DEFAULT_ROLE,
          groupsDelimiter: e.AUTH_OIDC_GROUPS_DELIMITER,
        });
        if (!result.ok) return `/sign-in?error=${SSO_ERROR_CODES[result.reason]}`;
        // The jwt callback below receives the same user object: carry our id to it.
        return true;
      },
      // At sign-in: who, at which session version, since when. On every later refresh of the cookie
      // (/api/auth/session): the session ends (null clears the cookie) once the user is deactivated,
      // their role or active flag changed (session_version moved on) or the absolute lifetime is over,
      // so an old cookie never slides back to life.
      async jwt({ token, user, account, profile }) {
        const prisma = await db();
        if (account?.provider === OIDC_PROVIDER_ID && profile?.sub) {
          const found = await prisma.user.findUnique({
            where: { oidcSubject: `${e.AUTH_OIDC_ISSUER}|${profile.sub}` },
            select: { id: true, sessionVersion: true },
          });
          if (!found) return null;
          return { ...token, uid: found.id, sv: found.sessionVersion, sat: Date.now() };
        }
        if (user?.id) {
          const found = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          if (!found) return null;
          return { ...token, uid: user.id, sv: found.sessionVersion, sat: Date.now() };
        }
        if (typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sat !== "number") return null;
        if (sessionTooOld(token.sat, e.TOKENWARD_SESSION_MAX_HOURS)) return null;
        const current = await prisma.user.findUnique({ where: { id: token.uid }, select: { active: true, sessionVersion: true } });
        return current?.active && current.sessionVersion === token.sv ? token : null;
      },
      // Every redirect Auth.js makes (callbackUrl from the query, the form or its cookie) goes through
      // the one same-origin check; an unsafe target lands on the home page instead of another host.
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPathOr(url, baseUrl), baseUrl).toString();
      },
      session({ session, token }) {
        if (token.uid) session.user.id = token.uid;
        return session;
      },
    },
  };
}

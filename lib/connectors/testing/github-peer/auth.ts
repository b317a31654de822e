import { error, type TInstallationSpec } from "./objects";
import { verifyAppJwt } from "./jwt";
import type { GithubWorld, TInstallationToken } from "./world";

/**
 * How the fake authenticates a request, as GitHub does: an App JWT for /app routes, an
 * installation token (checked on every request: known, not revoked, not expired) elsewhere, and
 * the installation's permission for the organisation resource being touched.
 */

export type TFailure = { status: number; body: unknown };
export type TAuthResult<T> = { ok: true; value: T } | { ok: false; failure: TFailure };

const fail = (status: number, message: string): { ok: false; failure: TFailure } => ({ ok: false, failure: { status, body: error(status, message) } });

function bearer(authorization: string | undefined): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1];
}

export function authenticateApp(world: GithubWorld, authorization: string | undefined): TAuthResult<{ appId: number }> {
  const token = bearer(authorization);
  if (!token) return fail(401, "Requires authentication");
  const check = verifyAppJwt(token, (appId) => world.apps.get(appId)?.publicKey, Math.floor(world.now() / 1000));
  return check.ok ? { ok: true, value: { appId: check.appId } } : fail(401, check.message);
}

export function authenticateInstallation(world: GithubWorld, authorization: string | undefined): TAuthResult<{ token: string; grant: TInstallationToken; installation: TInstallationSpec }> {
  const token = bearer(authorization);
  if (!token) return fail(401, "Requires authentication");
  const grant = world.tokens.get(token);
  const installation = grant ? world.installations.get(grant.installationId) : undefined;
  if (!grant || !installation || grant.revoked || grant.expiresAt <= world.now()) return fail(401, "Bad credentials");
  return { ok: true, value: { token, grant, installation } };
}

const RANK: Record<string, number> = { read: 1, write: 2, admin: 3 };
export const covers = (held: string | undefined, wanted: string) => (RANK[held ?? ""] ?? 0) >= (RANK[wanted] ?? 9);

/** The organisation must exist, be the installation's, and the token must hold the permission. */
export function requireOrgPermission(
  world: GithubWorld,
  auth: { grant: TInstallationToken; installation: TInstallationSpec },
  orgLogin: string,
  permission: string,
  level: "read" | "write",
): TAuthResult<NonNullable<ReturnType<GithubWorld["org"]>>> {
  const org = world.org(orgLogin);
  if (!org) return fail(404, "Not Found");
  if (auth.installation.org.login.toLowerCase() !== org.spec.login.toLowerCase() || !covers(auth.grant.permissions[permission], level)) {
    return fail(403, "Resource not accessible by integration");
  }
  return { ok: true, value: org };
}

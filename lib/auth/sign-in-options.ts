import "server-only";
import { env, isOidcEnabled } from "@/lib/env";

/** What the sign-in page may offer. Only names, never configuration values. */
export function getSignInOptions(): { localLogin: boolean; sso: { name: string } | null } {
  const e = env();
  return { localLogin: e.TOKENWARD_LOCAL_LOGIN, sso: isOidcEnabled(e) ? { name: e.AUTH_OIDC_NAME } : null };
}

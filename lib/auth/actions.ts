"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { OIDC_PROVIDER_ID, CREDENTIALS_PROVIDER_ID } from "@/lib/auth/config";
import { ZCredentialsSignIn } from "@/lib/auth/schemas";
import { env } from "@/lib/env";
import { safeRedirectPath, safeRedirectPathOr, UnsafeRedirectError } from "@/lib/security/safe-redirect";

/**
 * Sign-in and sign-out. These run before there is a session, so they are the only server actions
 * not made by defineAction (the RBAC matrix lists them as public).
 */

export type TSignInState = { error?: string; fieldErrors?: Record<string, string[]> } | undefined;

/** No field means "home"; a field that is present must be a same-origin path (see safeRedirectPath). */
function redirectTarget(formData: FormData): string {
  const value = formData.get("callbackUrl");
  return value === null || value === "" ? "/" : safeRedirectPath(value, env().AUTH_URL);
}

function throttledMessage(code: string): string {
  const seconds = Number(code.split(":")[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return "Too many attempts. Wait a few minutes and try again.";
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}`;
  return `Too many attempts for this account. Try again in ${wait}.`;
}

export async function signInWithCredentials(_prev: TSignInState, formData: FormData): Promise<TSignInState> {
  const parsed = ZCredentialsSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { error: "Check the highlighted fields.", fieldErrors };
  }
  let redirectTo: string;
  try {
    redirectTo = redirectTarget(formData);
  } catch (error) {
    if (error instanceof UnsafeRedirectError) return { error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  try {
    await signIn(CREDENTIALS_PROVIDER_ID, { ...parsed.data, redirectTo });
    return undefined;
  } catch (error) {
    // Success is a thrown redirect: re-throw everything that is not an AuthError.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code?.startsWith("rate_limited") ? throttledMessage(code) : "E-mail or password is incorrect." };
    }
    throw error;
  }
}

export async function signInWithSso(formData: FormData): Promise<void> {
  // A form action cannot answer 400 without a page of its own: an unsafe target (only possible by
  // tampering with the hidden field, which the sign-in page fills with a checked path) goes home.
  const value = formData.get("callbackUrl");
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirectPathOr(value, env().AUTH_URL) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

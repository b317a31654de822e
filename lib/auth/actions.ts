"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { OIDC_PROVIDER_ID, CREDENTIALS_PROVIDER_ID } from "@/lib/auth/config";
import { ZCredentialsSignIn } from "@/lib/auth/schemas";

/**
 * Sign-in and sign-out. These run before there is a session, so they are the only server actions
 * not made by defineAction (the RBAC matrix lists them as public).
 */

export type TSignInState = { error?: string; fieldErrors?: Record<string, string[]> } | undefined;

function safeRedirect(target: FormDataEntryValue | null): string {
  const value = typeof target === "string" ? target : "/";
  // Only same-origin paths: never an open redirect.
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export async function signInWithCredentials(_prev: TSignInState, formData: FormData): Promise<TSignInState> {
  const parsed = ZCredentialsSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { error: "Check the highlighted fields.", fieldErrors };
  }
  try {
    await signIn(CREDENTIALS_PROVIDER_ID, { ...parsed.data, redirectTo: safeRedirect(formData.get("callbackUrl")) });
    return undefined;
  } catch (error) {
    // Success is a thrown redirect: re-throw everything that is not an AuthError.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code === "rate_limited" ? "Too many attempts. Wait a few minutes and try again." : "E-mail or password is incorrect." };
    }
    throw error;
  }
}

export async function signInWithSso(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirect(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

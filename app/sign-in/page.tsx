import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { getSignInOptions } from "@/lib/auth/sign-in-options";
import { env } from "@/lib/env";
import { safeRedirectPathOr } from "@/lib/security/safe-redirect";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { LogoMark } from "@/components/shell/logo-mark";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Sign in" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  // A page cannot sensibly answer 400: an unsafe callbackUrl falls back to "/" (never another host, never a 500).
  const callbackUrl = safeRedirectPathOr(first(params.callbackUrl), env().AUTH_URL);
  if (await getCurrentActor()) redirect(callbackUrl);

  const { localLogin, sso } = getSignInOptions();
  const error = signInErrorMessage(first(params.error));

  return (
    <div className="relative flex min-h-dvh flex-col">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <main id="main-content" className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex flex-col items-center text-center">
            <LogoMark className="size-10" />
            <h1 className="mt-4 text-xl font-semibold tracking-tight">Sign in to Tokenward</h1>
            <p className="mt-1 text-sm text-muted-foreground">Governance for the credentials your agents and MCP servers use.</p>
          </div>

          <div className="rounded-xl border border-border bg-surface p-5 shadow-sm sm:p-6">
            {error ? (
              <Alert tone="danger" title={error} className="mb-4" role="alert" data-testid="sign-in-url-error" />
            ) : null}

            {sso ? <SsoButton name={sso.name} callbackUrl={callbackUrl} /> : null}

            {sso && localLogin ? (
              <div className="my-5 flex items-center gap-3 text-xs text-muted-foreground" role="separator" aria-label="or">
                <span className="h-px flex-1 bg-border" />
                or with e-mail
                <span className="h-px flex-1 bg-border" />
              </div>
            ) : null}

            {localLogin ? <SignInForm callbackUrl={callbackUrl} secondary={sso !== null} /> : null}

            {localLogin && env().TOKENWARD_DEMO ? (
              <p className="mt-4 rounded-md bg-surface-sunken px-3 py-2 text-xs text-muted-foreground ring-1 ring-border" data-testid="demo-login-hint">
                Demo: one sign-in per role (admin, security, owner, auditor) was printed where you ran <code>npm run demo</code>, and
                is kept in <code>.data/demo-login.json</code> on that machine.
              </p>
            ) : null}

            {!sso && !localLogin ? (
              <Alert tone="warning" title="No sign-in method is configured">
                An administrator must configure single sign-on (OIDC) or enable local login for this Tokenward instance.
              </Alert>
            ) : null}
          </div>

          <p className="mt-6 text-center text-xs text-muted-foreground">
            Access is limited to people with a Tokenward role. Every change you make is recorded in the audit trail.
          </p>
        </div>
      </main>
    </div>
  );
}

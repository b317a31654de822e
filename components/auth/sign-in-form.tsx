"use client";

import { LoaderCircle } from "lucide-react";
import { useActionState, useState } from "react";
import { signInWithCredentials, type TSignInState } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";

/** `secondary`: SSO is offered above, so this form steps back (no autofocus, no second primary button). */
export function SignInForm({ callbackUrl, secondary = false }: { callbackUrl: string; secondary?: boolean }) {
  const [state, formAction, pending] = useActionState<TSignInState, FormData>(signInWithCredentials, undefined);
  // Controlled so a failed attempt keeps the e-mail (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  const fieldErrors = state?.fieldErrors ?? {};

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate data-testid="sign-in-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {/* Negative margin cancels the flex gap while empty; the region must stay mounted to announce. */}
      <div aria-live="polite" data-testid="sign-in-error" className="empty:-mb-4">
        {state?.error ? <Alert tone="danger" title={state.error} /> : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">E-mail</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus={!secondary}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" messages={fieldErrors.email} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" messages={fieldErrors.password} />
      </div>
      <Button type="submit" variant={secondary ? "secondary" : "primary"} size="lg" disabled={pending} className="mt-1 w-full">
        {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

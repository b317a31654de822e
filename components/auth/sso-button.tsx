"use client";

import { KeyRound, LoaderCircle } from "lucide-react";
import { useFormStatus } from "react-dom";
import { signInWithSso } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";

function SubmitButton({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="primary" size="lg" disabled={pending} className="w-full" data-testid="sso-sign-in">
      {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : <KeyRound aria-hidden />}
      {pending ? "Redirecting…" : `Continue with ${name}`}
    </Button>
  );
}

/** SSO is the primary path when configured; the local form is only for development and demos. */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  return (
    <form action={signInWithSso}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton name={name} />
    </form>
  );
}

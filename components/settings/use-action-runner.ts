"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";

export type TActionError = { code: string; message: string; fieldErrors?: Record<string, string[]> };
export type TActionResult = { ok: true; data: unknown } | { ok: false; error: TActionError };

const NETWORK_ERROR: TActionError = { code: "NETWORK", message: "The server could not be reached. Check your connection and try again." };

/**
 * Runs a typed server action from a control: tracks pending state, keeps the safe error message to
 * show inline, and on success re-renders the server components so the list shows the database's truth.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<TActionError | null>(null);

  const run = useCallback(
    (call: () => Promise<TActionResult>, onSuccess?: () => void) => {
      setError(null);
      startTransition(async () => {
        let result: TActionResult;
        try {
          result = await call();
        } catch {
          result = { ok: false, error: NETWORK_ERROR };
        }
        if (result.ok) {
          onSuccess?.();
          router.refresh();
        } else {
          setError(result.error);
        }
      });
    },
    [router],
  );

  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}

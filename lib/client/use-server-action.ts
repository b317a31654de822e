"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { ApiError, NETWORK_MESSAGE } from "@/lib/client/api";
import type { TResult } from "@/lib/server/execute";

/**
 * The UI's one way to call a server action (lib/<domain>/actions.ts, made by defineAction): a
 * TanStack mutation that turns `{ ok: false }` and network failures into an ApiError with the
 * server's safe message, then invalidates the query keys the change affects and re-renders the
 * server components, so every list shows the database's truth.
 */

type TOptions<TData, TInput> = {
  /** Query-key prefixes to invalidate after a success (e.g. credentialKeys.all). */
  invalidate?: QueryKey[];
  /** Re-render server components after a success (default true). */
  refresh?: boolean;
  onSuccess?: (data: TData, input: TInput) => void;
  /** The result is a secret shown once (an API key's token): drop it from the mutation cache as soon as
   * no component observes it, instead of keeping it for the default five minutes. */
  forget?: boolean;
};

export function useServerAction<TInput, TData>(action: (input: TInput) => Promise<TResult<TData>>, options: TOptions<TData, TInput> = {}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { invalidate = [], refresh = true, onSuccess, forget = false } = options;
  const mutation = useMutation<TData, ApiError, TInput>({
    ...(forget ? { gcTime: 0 } : {}),
    mutationFn: async (input) => {
      let result: TResult<TData>;
      try {
        result = await action(input);
      } catch {
        throw new ApiError(NETWORK_MESSAGE, "NETWORK", 0);
      }
      if (!result.ok) throw ApiError.fromPublic(result.error);
      return result.data;
    },
    onSuccess: async (data, input) => {
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      if (refresh) router.refresh();
      onSuccess?.(data, input);
    },
  });
  const { mutate, reset } = mutation;
  /** Runs the action; `then` runs after this call's success only (after invalidation). */
  const run = useCallback((input: TInput, then?: (data: TData) => void) => mutate(input, then ? { onSuccess: (data) => then(data) } : undefined), [mutate]);
  return { run, pending: mutation.isPending, error: mutation.error, clearError: reset };
}

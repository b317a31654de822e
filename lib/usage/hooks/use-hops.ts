"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import type { THopPage } from "@/lib/usage/hop-log-params";
import { hopKeys } from "@/lib/usage/hooks/query-keys";

/** One page of GET /api/v1/usage/events. The previous page stays on screen while the next loads. */
export function useHopPage(queryString: string, initialData?: THopPage, enabled = true) {
  return useQuery({
    enabled,
    queryKey: hopKeys.list(queryString),
    queryFn: ({ signal }) => apiGet<THopPage>(`/api/v1/usage/events${queryString ? `?${queryString}` : ""}`, { signal }),
    initialData,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import type { TCredentialCount, TCredentialPage } from "@/lib/inventory/types";

/** One page of GET /api/v1/credentials. The previous page stays on screen while the next loads. */
export function useCredentialPage(queryString: string, initialData?: TCredentialPage, enabled = true) {
  return useQuery({
    enabled,
    queryKey: credentialKeys.list(queryString),
    queryFn: ({ signal }) => apiGet<TCredentialPage>(`/api/v1/credentials${queryString ? `?${queryString}` : ""}`, { signal }),
    initialData,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** GET /api/v1/credentials/count for a filter (no sort or cursor: paging never re-counts). */
export function useCredentialCount(filterString: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: credentialKeys.count(filterString),
    queryFn: ({ signal }) => apiGet<TCredentialCount>(`/api/v1/credentials/count${filterString ? `?${filterString}` : ""}`, { signal }),
    staleTime: 60_000,
    retry: false,
  });
}

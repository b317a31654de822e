"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import type { TProviderSyncStatus } from "@/lib/providers/queries";
import { providerKeys } from "./query-keys";

export const SYNC_ACTIVE = new Set<TProviderSyncStatus["state"]>(["queued", "running"]);

/** A provider's sync job: polled every second while it is queued or running, idle otherwise. */
export function useProviderSync(id: string, initial: TProviderSyncStatus) {
  return useQuery({
    queryKey: providerKeys.sync(id),
    queryFn: ({ signal }) => apiGet<TProviderSyncStatus>(`/api/v1/providers/sync?id=${encodeURIComponent(id)}`, { signal }),
    initialData: initial,
    staleTime: 0,
    retry: retryUnlessClientError,
    refetchInterval: (query) => (SYNC_ACTIVE.has(query.state.data?.state ?? "never") ? 1000 : false),
  }).data;
}

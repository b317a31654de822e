"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import type { TCredentialCount, TCredentialPage } from "@/lib/inventory/types";

/** An API error with the server's safe message ("status: \"x\" is not a status …"). */
export class InventoryApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "InventoryApiError";
  }
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, credentials: "same-origin" });
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new InventoryApiError(body?.error?.message ?? `The inventory could not be loaded (HTTP ${response.status}).`, body?.error?.code ?? "INTERNAL", response.status);
  }
  return body as T;
}

/** One page of GET /api/v1/credentials. The previous page stays on screen while the next loads. */
export function useCredentialPage(queryString: string, initialData?: TCredentialPage, enabled = true) {
  return useQuery({
    enabled,
    queryKey: credentialKeys.list(queryString),
    queryFn: ({ signal }) => getJson<TCredentialPage>(`/api/v1/credentials${queryString ? `?${queryString}` : ""}`, signal),
    initialData,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof InventoryApiError && error.status < 500) && count < 1,
  });
}

/** GET /api/v1/credentials/count for a filter (no sort or cursor: paging never re-counts). */
export function useCredentialCount(filterString: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: credentialKeys.count(filterString),
    queryFn: ({ signal }) => getJson<TCredentialCount>(`/api/v1/credentials/count${filterString ? `?${filterString}` : ""}`, signal),
    staleTime: 60_000,
    retry: false,
  });
}

"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import { ownerKeys } from "@/lib/owners/hooks/query-keys";
import type { TOwnerKind, TOwnerSearchResult } from "@/lib/owners/schemas";

/** What suggestions are computed for: selected credentials, or an identity / MCP server. */
export type TSuggestFor = { credentialIds: string[] } | { identityId: string } | { mcpServerId: string };

export const OWNER_SEARCH_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** GET /api/v1/owners for the text typed (debounced); suggestions come with the empty text. */
export function useOwnerSearch(kind: TOwnerKind, text: string, suggestFor: TSuggestFor | undefined, enabled: boolean) {
  const q = useDebounced(text.trim(), OWNER_SEARCH_DEBOUNCE_MS);
  const params = new URLSearchParams({ kind });
  if (q) params.set("q", q);
  // The server suggests for at most a page of credentials; a bigger selection gets none.
  if (suggestFor && "credentialIds" in suggestFor && suggestFor.credentialIds.length > 0 && suggestFor.credentialIds.length <= 200) params.set("credentialIds", suggestFor.credentialIds.join(","));
  if (suggestFor && "identityId" in suggestFor) params.set("identityId", suggestFor.identityId);
  if (suggestFor && "mcpServerId" in suggestFor) params.set("mcpServerId", suggestFor.mcpServerId);
  const queryString = params.toString();
  const query = useQuery({
    enabled,
    queryKey: ownerKeys.search(queryString),
    queryFn: ({ signal }) => apiGet<TOwnerSearchResult>(`/api/v1/owners?${queryString}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: retryUnlessClientError,
  });
  // Typed but not yet asked (debounce), or asked and not answered: the list is not for this text.
  const settled = q === text.trim() && !query.isPlaceholderData && !query.isFetching;
  return { ...query, q, settled };
}

"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  DEFAULT_DIR,
  filterOf,
  filterToSearchParams,
  listQueryToSearchParams,
  parseListSearchParams,
  type TCredentialFilter,
  type TCredentialListQuery,
  type TSortKey,
} from "@/lib/inventory/query-params";

/**
 * The inventory's URL state. Filters, sort and the keyset cursor live in the query string
 * (shareable; back and forward work), written with history.pushState so Next keeps useSearchParams
 * in step without a server round trip. Locked filters (e.g. "my credentials") are applied by the
 * page and never written to the URL.
 */
export function useInventoryUrl(basePath: string, lockedFilter?: TCredentialFilter) {
  const searchParams = useSearchParams();
  const parsed = useMemo(() => parseListSearchParams(searchParams), [searchParams]);
  const locked = useMemo(() => lockedFilter ?? {}, [lockedFilter]);
  const query = parsed.success ? parsed.data : null;

  const navigate = useCallback(
    (next: Partial<TCredentialListQuery>, mode: "push" | "replace" = "push") => {
      const own = { ...next };
      for (const key of Object.keys(locked) as (keyof TCredentialFilter)[]) delete own[key];
      const qs = listQueryToSearchParams(own).toString();
      const url = qs ? `${basePath}?${qs}` : basePath;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [basePath, locked],
  );

  if (!query) return { ok: false as const, issues: parsed.success ? [] : parsed.error.issues };

  const filter = filterOf(query);
  const keep = { sort: query.sort, dir: query.dir, limit: query.limit };
  // pushState updates the address at once but useSearchParams a render later: a second click in
  // between (clear the filters, then sort) must build on the address, not on the last render.
  const live = (): TCredentialListQuery => {
    const now = parseListSearchParams(new URLSearchParams(window.location.search));
    return now.success ? now.data : query;
  };
  return {
    ok: true as const,
    query,
    filter,
    locked,
    /** What the API is asked for: the URL's query plus the locked filter. */
    apiQueryString: listQueryToSearchParams({ ...query, ...locked }).toString(),
    countQueryString: filterToSearchParams({ ...filter, ...locked }).toString(),
    firstPage: !query.after && !query.before,
    setFilter: (nextFilter: TCredentialFilter, mode: "push" | "replace" = "push") => {
      const now = live();
      navigate({ ...nextFilter, sort: now.sort, dir: now.dir, limit: now.limit }, mode);
    },
    setSort: (key: TSortKey) => {
      const now = live();
      navigate({ ...filterOf(now), sort: key, dir: key === now.sort ? (now.dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[key], limit: now.limit });
    },
    goTo: (cursor: { after?: string; before?: string }) => navigate({ ...filter, ...keep, ...cursor }),
  };
}

"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { hopFilterOf, hopQueryToSearchParams, hopSearchRecord, parseHopQuery, type THopFilter, type THopQuery } from "@/lib/usage/hop-log-params";

/**
 * The explorer's URL state: filters and the keyset cursor live in the query string (shareable; back
 * and forward work), written with history.pushState so Next keeps useSearchParams in step without a
 * server round trip — the inventory's pattern (lib/inventory/hooks/use-inventory-url.ts).
 */
export function useUsageUrl(basePath = "/usage") {
  const searchParams = useSearchParams();
  const parsed = useMemo(() => parseHopQuery(hopSearchRecord(searchParams)), [searchParams]);
  const navigate = useCallback(
    (next: Partial<THopQuery>) => {
      const qs = hopQueryToSearchParams(next).toString();
      window.history.pushState(null, "", qs ? `${basePath}?${qs}` : basePath);
    },
    [basePath],
  );
  if (!parsed.success) return { ok: false as const, issues: parsed.error.issues };
  const query = parsed.data;
  const filter = hopFilterOf(query);
  return {
    ok: true as const,
    query,
    filter,
    queryString: hopQueryToSearchParams(query).toString(),
    firstPage: !query.after && !query.before,
    /** A new filter starts again from the newest hop. */
    setFilter: (nextFilter: THopFilter) => navigate({ ...nextFilter, limit: query.limit }),
    goTo: (cursor: { after?: string; before?: string }) => navigate({ ...filter, limit: query.limit, ...cursor }),
  };
}

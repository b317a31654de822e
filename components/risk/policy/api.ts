"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { apiGet, apiPost } from "@/lib/client/api";
import type { TPolicyImpact } from "@/lib/risk/services/preview-policy-impact";
import type { TRecomputeStatus } from "@/lib/risk/recompute-status";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";

/** Browser reads of the risk route handlers (errors: lib/client/api.ts's ApiError). */

export function fetchRecomputeStatus(): Promise<TRecomputeStatus> {
  return apiGet("/api/v1/risk/recompute");
}

export const RECOMPUTE_QUERY_KEY = ["risk", "recompute"] as const;

/**
 * The impact preview of a draft policy: a read (POST only because the draft is the body), run on
 * demand. Each run is its own query, so previewing the same draft again recomputes the impact.
 */
export function usePolicyPreview() {
  const [request, setRequest] = useState<{ document: TRiskPolicy; run: number } | null>(null);
  const query = useQuery({
    queryKey: ["risk", "policy-preview", request?.run ?? 0],
    queryFn: ({ signal }) => apiPost<{ activeVersion: number; impact: TPolicyImpact }>("/api/v1/risk/policy/preview", { document: request!.document }, { signal }),
    enabled: request !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const run = useCallback((document: TRiskPolicy) => setRequest((prev) => ({ document, run: (prev?.run ?? 0) + 1 })), []);
  const reset = useCallback(() => setRequest(null), []);
  const active = request !== null;
  return {
    run,
    reset,
    /** The draft (as JSON) this preview is of. */
    key: request ? JSON.stringify(request.document) : null,
    isPending: active && query.isFetching,
    isSuccess: active && query.isSuccess,
    isError: active && query.isError,
    error: query.error,
    data: active ? query.data : undefined,
  };
}

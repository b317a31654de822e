"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";
import { workflowKeys } from "@/lib/workflows/query-keys";
import type { TBatchProgress } from "./queries";

/** A batch's progress, polled every second until nothing is left running. */
export function useBatchProgress(batchId: string, initial: TBatchProgress) {
  return useQuery({
    queryKey: workflowKeys.batch(batchId),
    queryFn: ({ signal }) => apiGet<TBatchProgress>(`/api/v1/workflows/batches/progress?id=${encodeURIComponent(batchId)}`, { signal }),
    initialData: initial,
    staleTime: 0,
    retry: retryUnlessClientError,
    refetchInterval: (query) => ((query.state.data?.running ?? 0) > 0 ? 1000 : false),
  }).data;
}

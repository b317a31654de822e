"use client";

import { useQuery } from "@tanstack/react-query";
import { auditKeys } from "@/lib/audit/hooks/query-keys";
import type { TAuditSigningStatus } from "@/lib/audit/signing-status";
import { apiGet, retryUnlessClientError } from "@/lib/client/api";

/** The signing status, first rendered by the server (initial), refetched when auditKeys.all is invalidated. */
export function useAuditSigning(initial: TAuditSigningStatus) {
  return useQuery({
    queryKey: auditKeys.signing(),
    queryFn: ({ signal }) => apiGet<TAuditSigningStatus>("/api/v1/audit/signing", { signal }),
    initialData: initial,
    staleTime: 30_000,
    retry: retryUnlessClientError,
  });
}

"use client";

import type { TPolicyImpact } from "@/lib/risk/services/preview-policy-impact";
import type { TRecomputeStatus } from "@/lib/risk/recompute-status";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";

/** Browser calls to the risk route handlers; errors carry the server's safe message. */

export class ApiError extends Error {}

async function parse<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

export async function fetchPreview(document: TRiskPolicy): Promise<{ activeVersion: number; impact: TPolicyImpact }> {
  const response = await fetch("/api/v1/risk/policy/preview", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ document }),
  });
  return parse(response);
}

export async function fetchRecomputeStatus(): Promise<TRecomputeStatus> {
  return parse(await fetch("/api/v1/risk/recompute", { cache: "no-store" }));
}

export const RECOMPUTE_QUERY_KEY = ["risk", "recompute"] as const;

import type { TUsageFactor } from "@/lib/usage/queries";

export const USAGE_FACTOR_LABELS: Record<TUsageFactor, string> = {
  passthrough: "Passthrough",
  "audience-mismatch": "Audience mismatch",
  shared: "Shared",
  "cross-environment": "Cross-environment",
  "human-use": "Human use",
};

import { POLICY_SCHEMA_VERSION, ZRiskPolicy, type TRiskPolicy } from "@/lib/risk/policy/schema";

/**
 * The built-in policy ("version 0"): in force until an admin saves the first version. Factor
 * settings come from each factor's own defaults (the registry).
 */
export const DEFAULT_POLICY: TRiskPolicy = ZRiskPolicy.parse({
  schemaVersion: POLICY_SCHEMA_VERSION,
  levels: { low: 1, medium: 30, high: 60, critical: 80 },
  combination: { othersWeight: 0.5 },
  sensitivity: { low: 0.8, moderate: 1, high: 1.15, critical: 1.3 },
  scoredStatuses: ["active", "disabled"],
  usageWindowDays: 90,
  factors: {},
  autoApproval: { scheduledRotations: { enabled: false, maxLevel: "low" } },
});

export const DEFAULT_POLICY_VERSION = 0;

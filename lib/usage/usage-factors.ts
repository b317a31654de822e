import type { TFactorIdName } from "@/lib/risk/factors/factor-ids";

/** The risk factors that read hops: the usage detectors, whose findings are the Alerts page. */
export const USAGE_FACTORS = ["passthrough", "audience-mismatch", "shared", "cross-environment", "human-use"] as const satisfies readonly TFactorIdName[];
export type TUsageFactor = (typeof USAGE_FACTORS)[number];

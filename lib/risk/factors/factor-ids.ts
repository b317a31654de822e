/**
 * The registry's factor ids without their scoring code, so the inventory's URL parser (which ships
 * to the browser) can refuse an unknown `factor=` without bundling every factor. The registry checks
 * at compile time that this list and its factors name the same ids.
 */
export const FACTOR_IDS = [
  "exposed",
  "passthrough",
  "audience-mismatch",
  "long-lived",
  "rotation-overdue",
  "stale",
  "orphaned",
  "over-privileged",
  "shared",
  "no-audience",
  "cross-environment",
  "human-use",
  "third-party-sensitive",
  "static-high-sensitivity",
] as const;

export type TFactorIdName = (typeof FACTOR_IDS)[number];

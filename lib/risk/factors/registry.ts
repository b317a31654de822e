import type { TAnyFactor } from "@/lib/risk/factors/define-factor";
import type { TFactorIdName } from "@/lib/risk/factors/factor-ids";
import { audienceMismatch } from "@/lib/risk/factors/audience-mismatch";
import { crossEnvironment } from "@/lib/risk/factors/cross-environment";
import { exposed } from "@/lib/risk/factors/exposed";
import { humanUse } from "@/lib/risk/factors/human-use";
import { longLived } from "@/lib/risk/factors/long-lived";
import { noAudience } from "@/lib/risk/factors/no-audience";
import { orphaned } from "@/lib/risk/factors/orphaned";
import { overPrivileged } from "@/lib/risk/factors/over-privileged";
import { passthrough } from "@/lib/risk/factors/passthrough";
import { rotationOverdue } from "@/lib/risk/factors/rotation-overdue";
import { shared } from "@/lib/risk/factors/shared";
import { stale } from "@/lib/risk/factors/stale";
import { staticHighSensitivity } from "@/lib/risk/factors/static-high-sensitivity";
import { thirdPartySensitive } from "@/lib/risk/factors/third-party-sensitive";

/**
 * THE factor registry: every risk factor, once, in the order they are listed to users. The policy
 * schema, the editor form, the docs table and the scorer all read this list.
 */
export const FACTORS = [
  exposed,
  passthrough,
  audienceMismatch,
  longLived,
  rotationOverdue,
  stale,
  orphaned,
  overPrivileged,
  shared,
  noAudience,
  crossEnvironment,
  humanUse,
  thirdPartySensitive,
  staticHighSensitivity,
] as const;

export type TFactorId = (typeof FACTORS)[number]["id"];

// FACTOR_IDS (the browser's copy of the ids) must name exactly these factors: a factor added here
// and not there, or the reverse, fails the type-check.
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const idsAgree: TSame<TFactorId, TFactorIdName> = true;
void idsAgree;

export const FACTOR_LIST: readonly TAnyFactor[] = FACTORS as unknown as readonly TAnyFactor[];

const BY_ID = new Map<string, TAnyFactor>(FACTOR_LIST.map((f) => [f.id, f]));

export function factorById(id: string): TAnyFactor | undefined {
  return BY_ID.get(id);
}

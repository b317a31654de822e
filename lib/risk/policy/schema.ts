import { z } from "zod";
import { paramSchema, type TFactorSettings } from "@/lib/risk/factors/define-factor";
import { FACTOR_LIST, type FACTORS, type TFactorId } from "@/lib/risk/factors/registry";
import { CREDENTIAL_STATUSES, RISK_LEVELS, SENSITIVITIES } from "@/lib/risk/model";

/**
 * The risk policy document: everything the scorer and (later) the workflows read, versioned in
 * RiskPolicy rows. Validated here — in the browser for instant feedback and again on the server.
 *
 * Unknown keys are rejected (a typo must not silently do nothing). Factors, and settings inside a
 * factor, that a document leaves out take their defaults, so a file exported before a factor
 * existed still imports; settings a factor has since renamed or retired go through its `upgrade`.
 */

export const POLICY_SCHEMA_VERSION = 1;

/** Type errors read "is required" / "must be …"; other issues (unknown keys…) keep zod's own message. */
function required(what: string) {
  return {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code === "invalid_type" ? (issue.input === undefined ? "is required" : `must be ${what}`) : undefined,
  };
}

const ZThreshold = z.number(required("a number")).int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100");

export const ZLevelThresholds = z
  .object({ low: ZThreshold, medium: ZThreshold, high: ZThreshold, critical: ZThreshold }, required("an object"))
  .strict()
  .superRefine((levels, ctx) => {
    const order = ["low", "medium", "high", "critical"] as const;
    for (let i = 1; i < order.length; i++) {
      const prev = order[i - 1]!;
      const key = order[i]!;
      if (levels[key] <= levels[prev]) {
        ctx.addIssue({ code: "custom", path: [key], message: `must be higher than ${prev} (${levels[prev]}), got ${levels[key]}` });
      }
    }
  });

const ZMultiplier = z.number(required("a number")).min(0.25, "must be at least 0.25").max(2, "must be at most 2");

export const ZSensitivityMultipliers = z
  .object({ low: ZMultiplier, moderate: ZMultiplier, high: ZMultiplier, critical: ZMultiplier }, required("an object"))
  .strict()
  .superRefine((m, ctx) => {
    for (let i = 1; i < SENSITIVITIES.length; i++) {
      const prev = SENSITIVITIES[i - 1]!;
      const key = SENSITIVITIES[i]!;
      if (m[key] < m[prev]) ctx.addIssue({ code: "custom", path: [key], message: `must not be lower than ${prev} (×${m[prev]}), got ×${m[key]}` });
    }
  });

function factorSchema(factor: (typeof FACTOR_LIST)[number]) {
  const shape: Record<string, z.ZodType> = { enabled: z.boolean({ error: "must be true or false" }).default(factor.defaults.enabled) };
  for (const [key, spec] of Object.entries(factor.params)) shape[key] = paramSchema(spec).default(factor.defaults[key] as never);
  const settings = z.object(shape, required("an object")).strict();
  const upgrade = factor.upgrade;
  if (!upgrade) return settings.prefault({});
  // Settings saved before a param was renamed or retired still parse (stored versions are not migrated).
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  return z.preprocess((v) => (isRecord(v) ? upgrade(v) : v), settings).prefault({});
}

type TSettingsOf<K extends TFactorId> = TFactorSettings<Extract<(typeof FACTORS)[number], { id: K }>["params"]>;
/** Typed per factor id (the shape is built from the registry at run time). */
type TFactorsShape = { [K in TFactorId]: z.ZodType<TSettingsOf<K>> };

const ZFactorSettings = z
  .object(Object.fromEntries(FACTOR_LIST.map((f) => [f.id, factorSchema(f)])) as unknown as TFactorsShape, required("an object"))
  .strict()
  // Each factor fills its own defaults (factorSchema), so an empty object is a complete input.
  .prefault({} as never);

export const ZAutoApproval = z
  .object(
    {
      /** Scheduled rotations of credentials at or below this level need no owner approval (workflows issue). */
      scheduledRotations: z
        .object({ enabled: z.boolean(required("true or false")), maxLevel: z.enum(["none", "low", "medium"], { error: "must be none, low or medium" }) }, required("an object"))
        .strict(),
    },
    required("an object"),
  )
  .strict();

export const ZRiskPolicy = z
  .object(
    {
      schemaVersion: z.literal(POLICY_SCHEMA_VERSION, { error: `must be ${POLICY_SCHEMA_VERSION}` }),
      /** Minimum score of each level; below `low` is "none". */
      levels: ZLevelThresholds,
      /** How much the factors other than the strongest add: 0 = only the strongest counts, 1 = they add like independent probabilities. */
      combination: z.object({ othersWeight: z.number(required("a number")).min(0, "must be at least 0").max(1, "must be at most 1") }, required("an object")).strict(),
      /** Provider sensitivity multipliers (blast radius). */
      sensitivity: ZSensitivityMultipliers,
      /** Statuses that carry standing risk. Others (expired, revoked) score 0. */
      scoredStatuses: z
        .array(z.enum(CREDENTIAL_STATUSES, { error: `must be one of ${CREDENTIAL_STATUSES.join(", ")}` }), required("a list"))
        .min(1, "must list at least one status")
        .refine((list) => new Set(list).size === list.length, "lists a status twice"),
      /** How far back usage events count (passthrough, cross-environment, human use, audience mismatch). */
      usageWindowDays: z.number(required("a number")).int("must be a whole number of days").min(1, "must be at least 1 d").max(730, "must be at most 730 d"),
      factors: ZFactorSettings,
      autoApproval: ZAutoApproval,
    },
    required("an object"),
  )
  .strict();

export type TRiskPolicy = z.output<typeof ZRiskPolicy>;
export type TRiskPolicyInput = z.input<typeof ZRiskPolicy>;
export type TFactorSettingsMap = TRiskPolicy["factors"];

export const LEVEL_ORDER = RISK_LEVELS;

import { z } from "zod";
import { CREDENTIAL_KINDS, SENSITIVITIES, type TCredentialKind, type TScoringContext, type TScoringCredential, type TSensitivity } from "@/lib/risk/model";

/**
 * A factor declares its settings once (`params`); the policy schema, the defaults check and the
 * policy editor's form are all derived from that declaration, so adding a factor is one file plus
 * one line in the registry.
 */

export type TParamSpec =
  | { type: "points"; label: string; hint?: string }
  | { type: "days"; label: string; hint?: string; min: number; max: number }
  | { type: "count"; label: string; hint?: string; min: number; max: number }
  | { type: "sensitivity"; label: string; hint?: string }
  | { type: "patterns"; label: string; hint?: string }
  | { type: "kinds"; label: string; hint?: string };

type TParamValue<S extends TParamSpec> = S extends { type: "points" | "days" | "count" }
  ? number
  : S extends { type: "sensitivity" }
    ? TSensitivity
    : S extends { type: "patterns" }
      ? string[]
      : S extends { type: "kinds" }
        ? TCredentialKind[]
        : never;

export type TParamSpecs = Record<string, TParamSpec>;
export type TParamValues<P extends TParamSpecs> = { -readonly [K in keyof P]: TParamValue<P[K]> };
export type TFactorSettings<P extends TParamSpecs> = TParamValues<P> & { enabled: boolean };

/** What a factor reports when it applies. `points` must come from the factor's settings. */
export type TFactorHit = { points: number; evidence: string; remediation: string };

export type TFactorDefinition<Id extends string, P extends TParamSpecs> = {
  id: Id;
  title: string;
  /** One sentence: what the factor detects and why it matters. */
  description: string;
  /** Framework item ids (lib/risk/frameworks). */
  frameworks: readonly string[];
  /** An evidence sentence as it appears on a credential, for the docs. */
  example: string;
  params: P;
  defaults: TFactorSettings<P>;
  /**
   * Rewrites settings stored under an earlier shape of this factor (renamed or retired params) into
   * the current one before validation. Stored policy versions are never migrated, so this is what
   * lets them load; it receives the raw object and must not throw.
   */
  upgrade?: (settings: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  /**
   * SQL on credential `c` that every credential this factor applies to satisfies, read from a column
   * triggers keep current (never a probe of other tables). The inventory's factor filter adds it
   * beside the stored tag so the planner can walk that column's index. A holder whose stored score
   * predates a change that ended the condition is left out: the list answers what is true now.
   */
  heldOnlyWhere?: (c: string) => string;
  evaluate: (credential: TScoringCredential, context: TScoringContext, settings: TParamValues<P>) => TFactorHit | null;
};

/** Erased form used by the registry and the scorer. */
export type TAnyFactor = {
  id: string;
  title: string;
  description: string;
  frameworks: readonly string[];
  example: string;
  params: TParamSpecs;
  defaults: Record<string, unknown> & { enabled: boolean };
  upgrade?: (settings: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  heldOnlyWhere?: (c: string) => string;
  evaluate: (credential: TScoringCredential, context: TScoringContext, settings: never) => TFactorHit | null;
};

export function defineFactor<const Id extends string, const P extends TParamSpecs>(def: TFactorDefinition<Id, P>): TFactorDefinition<Id, P> {
  return def;
}

export const POINTS_MAX = 100;
export const PATTERN_MAX_LENGTH = 100;
export const PATTERNS_MAX = 100;

const ZPattern = z
  .string()
  .trim()
  .min(1, "a pattern cannot be empty")
  .max(PATTERN_MAX_LENGTH, `a pattern is at most ${PATTERN_MAX_LENGTH} characters`)
  // Control characters can only come from a broken file; printable text is all a scope or user agent holds.
  .regex(/^[^\p{Cc}]*$/u, "a pattern cannot contain control characters");

/** The zod schema of one parameter, with messages that name the limit that was broken. */
export function paramSchema(spec: TParamSpec): z.ZodType {
  switch (spec.type) {
    case "points":
      return z.number({ error: "must be a number of points" }).int("must be a whole number of points").min(0, "must be at least 0 points").max(POINTS_MAX, `must be at most ${POINTS_MAX} points`);
    case "days":
      return z.number({ error: "must be a number of days" }).int("must be a whole number of days").min(spec.min, `must be at least ${spec.min} d`).max(spec.max, `must be at most ${spec.max} d`);
    case "count":
      return z.number({ error: "must be a number" }).int("must be a whole number").min(spec.min, `must be at least ${spec.min}`).max(spec.max, `must be at most ${spec.max}`);
    case "sensitivity":
      return z.enum(SENSITIVITIES, { error: `must be one of ${SENSITIVITIES.join(", ")}` });
    case "patterns":
      return z.array(ZPattern, { error: "must be a list of patterns" }).max(PATTERNS_MAX, `at most ${PATTERNS_MAX} patterns`);
    case "kinds":
      return z
        .array(z.enum(CREDENTIAL_KINDS, { error: `must be one of ${CREDENTIAL_KINDS.join(", ")}` }), { error: "must be a list of credential kinds" })
        .refine((list) => new Set(list).size === list.length, "lists a credential kind twice");
  }
}

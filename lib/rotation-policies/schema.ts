import { z } from "zod";
import { CREDENTIAL_KINDS, RISK_LEVELS, SENSITIVITIES } from "@/lib/risk/model";

/**
 * The rotation policy document: rules that open rotation requests (every N days, or past a maximum
 * lifetime), scoped by provider, credential kind and risk level, and the lead times of expiry
 * reminders. Versioned in rotation_policies; validated here, in the browser and again on the server.
 * Unknown keys are rejected: a typo must not silently do nothing.
 */

const ZDays = (max: number, what: string) =>
  z.number({ error: "must be a number of days" }).int("must be a whole number of days").min(1, `${what} must be at least 1 day`).max(max, `${what} must be at most ${max.toLocaleString("en")} days`);

const isUnique = (list: unknown[]) => new Set(list).size === list.length;

/** Auto-approval of a rule's requests: only up to this risk level and provider sensitivity, and never above the risk policy's own ceiling. */
export const AUTO_APPROVE_LEVELS = ["none", "low", "medium"] as const;
export const ZAutoApprove = z.strictObject({
  maxLevel: z.enum(AUTO_APPROVE_LEVELS, { error: "must be none, low or medium" }),
  maxSensitivity: z.enum(SENSITIVITIES, { error: `must be one of ${SENSITIVITIES.join(", ")}` }),
});

export const ZRotationRule = z
  .strictObject({
    /** Stable within the document: the timeline and the audit name it ("policy v3 rule quarterly-github"). */
    id: z.string({ error: "must be text" }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1–40 lower-case letters, digits or dashes"),
    name: z.string({ error: "must be text" }).trim().min(1, "is required").max(80, "must be at most 80 characters"),
    enabled: z.boolean({ error: "must be true or false" }),
    scope: z.strictObject({
      /** Empty = every provider. */
      providerIds: z.array(z.uuid({ error: "must be a provider id" })).max(50, "at most 50 providers").refine(isUnique, "lists a provider twice"),
      /** Empty = every kind. */
      kinds: z.array(z.enum(CREDENTIAL_KINDS, { error: `must be one of ${CREDENTIAL_KINDS.join(", ")}` })).refine(isUnique, "lists a kind twice"),
      /** Empty = every risk level. */
      levels: z.array(z.enum(RISK_LEVELS, { error: `must be one of ${RISK_LEVELS.join(", ")}` })).refine(isUnique, "lists a level twice"),
    }),
    /** Request a rotation when the credential was last rotated (or issued) this many days ago. */
    rotateEveryDays: ZDays(3650, "the rotation period").nullable(),
    /** Request a rotation when the credential has lived this long since it was issued, whatever its expiry says. */
    maxTtlDays: ZDays(3650, "the maximum lifetime").nullable(),
    autoApprove: ZAutoApprove.nullable(),
  })
  .refine((r) => r.rotateEveryDays !== null || r.maxTtlDays !== null, { message: "needs a rotation period or a maximum lifetime", path: ["rotateEveryDays"] });

export const ZRotationPolicy = z.strictObject({
  /** In order: the first enabled rule that matches a credential decides. */
  rules: z
    .array(ZRotationRule)
    .max(50, "at most 50 rules")
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, "two rules have the same id"),
  reminders: z.strictObject({
    /** Days before expiresAt at which owners are reminded, once each. */
    leadDays: z.array(ZDays(365, "a reminder lead time")).max(6, "at most 6 reminders").refine(isUnique, "lists a lead time twice"),
  }),
  /** After a policy request is rejected or expires, wait this long (doubled for each further one) before asking again. */
  backoffDays: ZDays(365, "the back-off"),
});

export type TRotationRule = z.output<typeof ZRotationRule>;
export type TRotationPolicy = z.output<typeof ZRotationPolicy>;

/**
 * No saved policy = no rules and no reminders: lead times are the policy's to set ("30, 7, 1" is the
 * editor's suggestion), so an upgrade never floods every owner with notices unasked.
 */
export const DEFAULT_ROTATION_POLICY: TRotationPolicy = { rules: [], reminders: { leadDays: [] }, backoffDays: 7 };

/** "policy v3 rule quarterly-github": who asked, in the workflow list, its timeline and the audit trail. */
export const policyRequesterLabel = (version: number, ruleId: string) => `rotation policy v${version} rule ${ruleId}`;

/** The same document always gives the same text, whatever the key order (JSONB reorders keys): for "changed?" checks. */
export function canonicalPolicy(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}

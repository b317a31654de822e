import type { z } from "zod";
import { ZRiskPolicy, type TRiskPolicy } from "@/lib/risk/policy/schema";

/**
 * Policy validation with messages an admin can act on: each names the setting by its path
 * ("factors.exposed.points: must be at most 100 points"). Also reads the export file format.
 */

export type TPolicyValidation = { ok: true; policy: TRiskPolicy } | { ok: false; errors: string[] };

export const POLICY_FILE_FORMAT = "tokenward-risk-policy";
const MAX_FILE_BYTES = 200_000;

export function describePolicyIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Issues keyed by dotted path, for showing each message beside its field in the editor. */
export function policyIssues(document: unknown): { path: string; message: string }[] {
  const parsed = ZRiskPolicy.safeParse(document);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function validatePolicy(document: unknown): TPolicyValidation {
  const parsed = ZRiskPolicy.safeParse(document);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, errors: describePolicyIssues(parsed.error) };
}

export type TPolicyFile = {
  format: typeof POLICY_FILE_FORMAT;
  version: number;
  exportedAt: string;
  comment: string | null;
  policy: TRiskPolicy;
};

export function toPolicyFile(policy: TRiskPolicy, meta: { version: number; comment: string | null; exportedAt: Date }): TPolicyFile {
  return { format: POLICY_FILE_FORMAT, version: meta.version, exportedAt: meta.exportedAt.toISOString(), comment: meta.comment, policy };
}

/** Reads an exported file (or a bare policy document) from its text. */
export function parsePolicyFile(text: string): TPolicyValidation {
  if (text.length > MAX_FILE_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_FILE_BYTES / 1000} kB; a policy is a few kB.`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (json && typeof json === "object" && !Array.isArray(json) && "format" in json) {
    const file = json as Record<string, unknown>;
    if (file.format !== POLICY_FILE_FORMAT) return { ok: false, errors: [`format: expected "${POLICY_FILE_FORMAT}", got ${JSON.stringify(file.format)}`] };
    const result = validatePolicy(file.policy);
    return result.ok ? result : { ok: false, errors: result.errors.map((e) => `policy.${e}`) };
  }
  return validatePolicy(json);
}

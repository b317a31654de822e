import { z } from "zod";
import { ProviderError } from "../provider-error";

/**
 * What an IAM policy document allows, as the inventory's scopes: the actions its Allow statements
 * name (`s3:GetObject`, `ec2:Describe*`, `*`), which is what Tokenward's AWS scope catalogue
 * classifies. Deny statements, resources and conditions are not evaluated, so the scopes say what
 * the policies grant by name — an upper bound of what a key can do, not IAM's effective decision.
 */

const ZStatement = z.looseObject({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]).optional(),
  NotAction: z.union([z.string(), z.array(z.string())]).optional(),
});
const ZDocument = z.looseObject({ Statement: z.union([ZStatement, z.array(ZStatement)]) });

/** IAM returns documents URL-encoded (RFC 3986); some SDKs decode them, so a plain JSON one is read too. */
export function decodePolicyDocument(text: string, where: string): z.infer<typeof ZDocument> {
  let json: unknown;
  try {
    json = JSON.parse(text.trimStart().startsWith("{") ? text : decodeURIComponent(text));
  } catch {
    throw new ProviderError("invalid_response", `The policy document of ${where} is not JSON.`, { retryable: false });
  }
  const parsed = ZDocument.safeParse(json);
  if (!parsed.success) throw new ProviderError("invalid_response", `The policy document of ${where} has no readable Statement.`, { retryable: false });
  return parsed.data;
}

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function allowedActions(text: string, where: string): string[] {
  const document = decodePolicyDocument(text, where);
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements
    .filter((s) => s.Effect === "Allow")
    // "Allow everything except …" is, for a governance view, a grant of everything.
    .flatMap((s) => (s.NotAction !== undefined ? ["*"] : asList(s.Action)))
    .map((action) => action.trim())
    .filter(Boolean);
}

/** IAM action matching: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "i").test(action);
}

export function isGranted(granted: readonly string[], action: string): boolean {
  return granted.some((pattern) => actionMatches(pattern, action));
}

/** Scopes as the inventory keeps them: each action once (IAM ignores case), in a stable order. */
export function normaliseScopes(actions: Iterable<string>): string[] {
  const byLower = new Map<string, string>();
  for (const action of actions) if (!byLower.has(action.toLowerCase())) byLower.set(action.toLowerCase(), action);
  return [...byLower.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

import { z } from "zod";

/**
 * Zod's default wording ("Invalid input: expected string, received undefined", "Too small: expected
 * number to be >=1") reaches people through the pipeline's field errors and the API's messages. This
 * error map answers every issue a schema did not word itself with a sentence that names the field,
 * in the app's voice. Schemas still give their own message where they can say more (the range, the
 * example). Installed once, by importing this module (lib/server/execute.ts and route.ts do).
 */

/** "expiresInDays" → "Expires in days"; "teamId" → "Team"; "" → "This value". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string") as string | undefined;
  if (!last) return "This value";
  const words = last.replace(/Ids?$/, (m) => (m === "Ids" ? "s" : "")).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "This value";
}

const NOUN: Record<string, string> = {
  string: "text", number: "a number", int: "a whole number", bigint: "a whole number", boolean: "yes or no", array: "a list",
  object: "a set of fields", date: "a date", record: "a set of fields",
};

const FORMAT: Record<string, string> = {
  uuid: "an id as Tokenward gives it", email: "an e-mail address", url: "a web address (https://…)", datetime: "a date and time (ISO 8601)",
  date: "a date as YYYY-MM-DD", regex: "in the expected format",
};

type TIssue = z.core.$ZodRawIssue;

export function humanMessage(issue: TIssue): string {
  const label = fieldLabel(issue.path ?? []);
  if (issue.input === undefined && issue.code !== "unrecognized_keys" && issue.code !== "custom") return `${label} is required`;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${label} is required`;
      return `${label} must be ${NOUN[issue.expected] ?? "of another kind"}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? `${label} is required` : `${label} must have at least ${min} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `${label}: choose at least ${min}`;
      return `${label} must be at least ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `${label} must have at most ${max} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `${label}: choose at most ${max}`;
      return `${label} must be at most ${max}`;
    }
    case "invalid_format":
      return issue.format === "regex" ? `${label} is not in the expected format` : `${label} must be ${FORMAT[issue.format] ?? `a valid ${issue.format}`}`;
    case "invalid_value":
      return `${label} must be one of: ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `${issue.keys.length === 1 ? `"${issue.keys[0]}" is not a field` : `${issue.keys.map((k: string) => `"${k}"`).join(", ")} are not fields`} of this form`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${String(issue.divisor)}`;
    default:
      return `${label} is not valid`;
  }
}

z.config({ customError: (issue) => humanMessage(issue) });

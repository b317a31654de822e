import { z } from "zod";
import {
  parseCredentialFilter,
  parseCredentialListQuery,
  type TCredentialFilter,
  type TCredentialListQuery,
  type TParsed,
} from "@/lib/inventory/query-params";

/**
 * The zod face of the inventory's query language, for the route pipeline (lib/server/route.ts
 * parses every query string with a zod schema). The parsing itself lives in query-params.ts, shared
 * with the browser, which therefore never downloads zod. Import this module from server code only.
 */

function fromParser<T>(parse: (record: Record<string, unknown>) => TParsed<T>) {
  return z.record(z.string(), z.unknown()).transform((record, ctx): T => {
    const result = parse(record);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path ? [issue.path] : [], message: issue.message });
    return z.NEVER;
  });
}

export const ZCredentialFilter = fromParser<TCredentialFilter>(parseCredentialFilter);
export const ZCredentialListQuery = fromParser<TCredentialListQuery>(parseCredentialListQuery);

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

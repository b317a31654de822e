import { ZAuditLogQuery, type TAuditLogQuery } from "@/lib/audit/schemas";

const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

export type TAuditPageQuery =
  | { ok: true; query: TAuditLogQuery; filters: Record<string, string> }
  | { ok: false; message: string; filters: Record<string, string> };

/**
 * The audit page's URL as the API's query: same schema, same answers. A hand-edited URL (a tampered
 * cursor, a parameter twice, an unknown key) is a message on the page, not an error page.
 */
export function parseAuditPageQuery(params: Record<string, string | string[] | undefined>): TAuditPageQuery {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (typeof value === "string" && value !== "") filters[key] = value;
  }
  const twice = Object.entries(params).find(([, v]) => Array.isArray(v));
  if (twice) return { ok: false, message: `${twice[0]} is given ${twice[1]!.length} times: give it once.`, filters };
  const record = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = ZAuditLogQuery.safeParse(record);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join("; "), filters };
  return { ok: true, query: parsed.data, filters };
}

import { ResourceDenied } from "@/lib/auth/authorize";
import type { TActor } from "@/lib/auth/actor";
import type { TReach } from "@/lib/auth/permissions";
import { credentialScope } from "@/lib/auth/resource-scope";
import { AppError } from "@/lib/errors/app-error";
import { prismaReader } from "@/lib/db/sql-reader";
import { filterConditions, SqlParams, usesRisk } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { describeIssues, parseCredentialFilter, type TCredentialFilter } from "@/lib/inventory/query-params";
import { MAX_MATCHING_ASSIGN } from "@/lib/ownership/schemas";
import type { TTx } from "@/lib/server/execute";

/**
 * The credentials an inventory filter matches, confined to what the actor may assign: "any" reaches
 * all of them; "owned" (owners) only those they or their team own — the others are counted, not
 * touched, and a filter that matches only others' credentials is refused (FORBIDDEN, recorded).
 * More than MAX_MATCHING_ASSIGN matches is refused before anything is locked.
 */

export function parseFilterString(text: string): TCredentialFilter {
  const params = new URLSearchParams(text);
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(record, key)) throw new AppError("VALIDATION", `filter: ${key} is given twice; give it once`, { fieldErrors: { filter: [`${key} given twice`] } });
    record[key] = value;
  }
  const parsed = parseCredentialFilter(record);
  if (!parsed.success) throw new AppError("VALIDATION", `filter: ${describeIssues(parsed.error.issues)}`, { fieldErrors: { filter: [describeIssues(parsed.error.issues)] } });
  return parsed.data;
}

const OUTSIDE_COUNT_LIMIT = 10_000;

async function matchingFrom(tx: TTx, actor: TActor, reach: TReach, filter: TCredentialFilter, now: Date, inReach: boolean) {
  const p = new SqlParams();
  // Resolved first, as the list does: a rare tag ordered by id otherwise walks the primary key.
  const where = filterConditions(filter, now, p, { viewer: actor, ...(await resolveFilter(prismaReader(tx), filter)) });
  // inReach: true → only what the actor may assign; false → only what they may not.
  if (reach !== "any") where.push(`${inReach ? "" : "NOT "}${credentialScope(actor, reach, p)}`);
  else if (!inReach) where.push("FALSE");
  const join = usesRisk(filter) ? "JOIN credential_risks r ON r.credential_id = c.id" : "";
  return { sql: `FROM credentials c ${join} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, values: p.values };
}

/** Ids of the matching credentials the actor may assign; refuses too many, none, or only others'. */
export async function matchingInReach(tx: TTx, actor: TActor, reach: TReach, filter: TCredentialFilter, now: Date): Promise<string[]> {
  const inside = await matchingFrom(tx, actor, reach, filter, now, true);
  // Bounded: one more than the cap says "too many" without reading the rest.
  const mine = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT c.id::text AS id ${inside.sql} ORDER BY c.id LIMIT ${MAX_MATCHING_ASSIGN + 1}`, ...inside.values);
  if (mine.length > MAX_MATCHING_ASSIGN) {
    const cap = MAX_MATCHING_ASSIGN.toLocaleString("en-US");
    throw new AppError("VALIDATION", `This filter matches more than ${cap} credentials you may assign; at most ${cap} can be assigned at once. Narrow the filter.`, {
      fieldErrors: { filter: ["too many matches"] },
    });
  }
  if (mine.length === 0) {
    const others = await outsideReach(tx, actor, reach, filter, now, 50);
    if (others.length === 0) throw new AppError("NOT_FOUND", "No credential matches this filter any more.");
    throw new ResourceDenied("credential", others, "None of the credentials matching this filter are yours or your team's: you can assign only those.");
  }
  return mine.map((r) => r.id);
}

/** Matching credentials outside the actor's reach (left alone; counted in the audit record). */
export async function outsideReach(tx: TTx, actor: TActor, reach: TReach, filter: TCredentialFilter, now: Date, limit = OUTSIDE_COUNT_LIMIT): Promise<string[]> {
  if (reach === "any") return [];
  const outside = await matchingFrom(tx, actor, reach, filter, now, false);
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT c.id::text AS id ${outside.sql} ORDER BY c.id LIMIT ${limit}`, ...outside.values);
  return rows.map((r) => r.id);
}

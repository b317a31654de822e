import type { TActor } from "@/lib/auth/actor";
import type { TReach } from "@/lib/auth/permissions";

/**
 * The SQL half of "owned": one condition over a table's owner_id / team_id, shared by the lock
 * query that checks a mutation's targets (lib/auth/authorize.ts) and by list filters ("mine").
 * Must mean exactly what `isOwnedBy` (lib/auth/access.ts) means; lib/auth/authorize.int.test.ts
 * checks both on the same rows.
 */

/** Anything that collects bind parameters and returns their placeholder (lib/inventory's SqlParams). */
export type TParamSink = { add(value: unknown, cast: string): string };

export function ownedCondition(actor: Pick<TActor, "id" | "teamIds">, p: TParamSink, alias: string): string {
  const owner = `${alias}.owner_id = ${p.add(actor.id, "uuid")}`;
  if (actor.teamIds.length === 0) return `(${owner})`;
  return `(${owner} OR ${alias}.team_id = ANY(${p.add(actor.teamIds, "uuid[]")}))`;
}

/** The rows a reach covers: every row for "any", the actor's and their teams' for "owned". */
export function reachCondition(reach: TReach, actor: Pick<TActor, "id" | "teamIds">, p: TParamSink, alias: string): string {
  return reach === "any" ? "TRUE" : ownedCondition(actor, p, alias);
}

/** The credentials `actor` may act on with a reach: `credentialScope(actor, reach, p)` over alias `c`. */
export function credentialScope(actor: Pick<TActor, "id" | "teamIds">, reach: TReach, p: TParamSink, alias = "c"): string {
  return reachCondition(reach, actor, p, alias);
}

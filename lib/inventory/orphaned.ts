/**
 * Orphaned: nobody answers for the credential — no team, and no active person. Ownership is read
 * from the credential and, where it names none, from its identity (a service account's owner stands
 * in for the keys it holds). One definition, here, in TypeScript and SQL; the orphaned risk factor,
 * the inventory filter and badge, and the overview tile all use it.
 *
 * Claiming is a different, narrower rule: a credential may be claimed when it has no active owner of
 * its own (a team-owned credential can still be claimed by a person), see lib/ownership.
 */
type TOwnerFacts = { active: boolean } | null | undefined;
type TOwnership = { owner: TOwnerFacts; team: unknown };

export function isOrphaned(credential: TOwnership, identity?: TOwnership | null): boolean {
  const owner = credential.owner ?? identity?.owner ?? null;
  const team = credential.team ?? identity?.team ?? null;
  return !team && !owner?.active;
}

/** SQL: credential `c` is orphaned (the identity is read by key, so no join is required). */
export function orphanedSql(c = "c"): string {
  const fromIdentity = (col: string) => `(SELECT oi.${col} FROM identities oi WHERE oi.id = ${c}.identity_id)`;
  return `(COALESCE(${c}.team_id, ${fromIdentity("team_id")}) IS NULL
    AND NOT EXISTS (SELECT 1 FROM users ou WHERE ou.id = COALESCE(${c}.owner_id, ${fromIdentity("owner_id")}) AND ou.active))`;
}

/** A person may claim what has no active owner of its own (team-owned included). */
export function isClaimable(credential: { owner: TOwnerFacts }): boolean {
  return !credential.owner?.active;
}

export const ORPHANED_HINT = "No team, and no active owner (on the credential or its identity)";

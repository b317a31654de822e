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

/**
 * SQL: credential `c` is orphaned. The same definition is kept on the row by triggers
 * (`credentials.orphaned`, migration credentials_orphaned_flag; orphaned-flag.int.test.ts holds the
 * two equal), so a filter reads a column — with a partial (name, id) index — instead of probing the
 * identity and owner of every row it considers.
 */
export function orphanedSql(c = "c"): string {
  return `${c}.orphaned`;
}

/** A person may claim what has no active owner of its own (team-owned included). */
export function isClaimable(credential: { owner: TOwnerFacts }): boolean {
  return !credential.owner?.active;
}

export const ORPHANED_HINT = "No team, and no active owner (on the credential or its identity)";

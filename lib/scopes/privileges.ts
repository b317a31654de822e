/**
 * What a granted scope lets its holder do, in five classes. Display order: the four known classes
 * from narrowest to broadest, then `unknown` — a scope the catalogue does not recognise is shown as
 * such, never passed off as read.
 */
export const PRIVILEGES = ["read", "write", "admin", "wildcard", "unknown"] as const;
export type TPrivilege = (typeof PRIVILEGES)[number];


/**
 * Ordering for "the broadest grant of a credential". `unknown` sits between read and write: an
 * unclassified grant may well write, so a credential holding one is never summarised as read-only,
 * while a grant known to write, administer or match everything still outranks it.
 */
export const PRIVILEGE_RANK: Readonly<Record<TPrivilege, number>> = { read: 0, unknown: 1, write: 2, admin: 3, wildcard: 4 };

export const PRIVILEGE_LABELS: Readonly<Record<TPrivilege, string>> = {
  read: "Read",
  write: "Write",
  admin: "Admin",
  wildcard: "Wildcard",
  unknown: "Unknown",
};

export const PRIVILEGE_DESCRIPTIONS: Readonly<Record<TPrivilege, string>> = {
  read: "Reads data or settings; changes nothing.",
  write: "Creates, changes or deletes data.",
  admin: "Changes who may do what: settings, members, secrets, permissions, or destroys whole resources.",
  wildcard: "Matches every action, or every action of a service: today's and any added later.",
  unknown: "Not in Tokenward's scope catalogue: review what it grants.",
};

/** True when `a` grants at least as much as `b` in the ordering above. */
export function atLeast(a: TPrivilege, b: TPrivilege): boolean {
  return PRIVILEGE_RANK[a] >= PRIVILEGE_RANK[b];
}

/** The distinct classes of a credential's grants, broadest first (what credential_risks.privileges stores). */
export function privilegeSet(classified: readonly { privilege: TPrivilege }[]): TPrivilege[] {
  const seen = new Set(classified.map((c) => c.privilege));
  return [...seen].sort((a, b) => PRIVILEGE_RANK[b] - PRIVILEGE_RANK[a]);
}

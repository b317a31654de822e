/**
 * The inventory's one query-key factory. Keys carry the canonical query string
 * (lib/inventory/schemas.ts), so equal filters share a cache entry whatever order the URL had.
 * Invalidate `credentialKeys.all` after any change to credentials (ownership, workflows …).
 */
export const credentialKeys = {
  all: ["credentials"] as const,
  lists: () => [...credentialKeys.all, "list"] as const,
  list: (queryString: string) => [...credentialKeys.lists(), queryString] as const,
  counts: () => [...credentialKeys.all, "count"] as const,
  count: (filterString: string) => [...credentialKeys.counts(), filterString] as const,
};

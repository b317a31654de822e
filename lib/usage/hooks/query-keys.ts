/**
 * The hop log's one query-key factory. Keys carry the canonical query string
 * (hopQueryToSearchParams), so equal filters share a cache entry whatever order the URL had.
 */
export const hopKeys = {
  all: ["hops"] as const,
  lists: () => [...hopKeys.all, "list"] as const,
  list: (queryString: string) => [...hopKeys.lists(), queryString] as const,
};

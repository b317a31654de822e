/** The owner picker's query-key factory. Invalidated with nothing: people and teams change rarely. */
export const ownerKeys = {
  all: ["owners"] as const,
  search: (queryString: string) => [...ownerKeys.all, "search", queryString] as const,
};

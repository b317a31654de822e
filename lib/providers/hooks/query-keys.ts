/** The Providers pages' one query-key factory. Invalidate `providerKeys.all` after any provider change. */
export const providerKeys = {
  all: ["providers"] as const,
  sync: (id: string) => [...providerKeys.all, "sync", id] as const,
};

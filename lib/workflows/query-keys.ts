/** The workflow pages' one query-key factory. */
export const workflowKeys = {
  all: ["workflows"] as const,
  batch: (id: string) => [...workflowKeys.all, "batch", id] as const,
};

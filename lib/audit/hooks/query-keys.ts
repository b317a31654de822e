/**
 * The audit page's query-key factory. Invalidate `auditKeys.all` after anything that can write a
 * checkpoint or an event the page shows (a verification is itself an audited read).
 */
export const auditKeys = {
  all: ["audit"] as const,
  signing: () => [...auditKeys.all, "signing"] as const,
};

import type { TSeedSummary } from "@/lib/seed/seed-database";

/** The CLI's one-line result, e.g. "seeded 2,000 credentials (seed 42) … in 3.1 s". */
export function formatSummary(s: TSeedSummary, databaseKind: string): string {
  const n = (v: number) => v.toLocaleString("en");
  return (
    `seeded ${databaseKind}${s.reset ? " (after reset)" : ""}: ${n(s.credentials)} credentials, ${n(s.identities)} identities, ` +
    `${n(s.users)} users, ${n(s.teams)} teams, ${n(s.providers)} providers, ${n(s.mcpServers)} MCP servers, ` +
    `${n(s.bindings)} bindings, ${n(s.exposures)} exposures, ${n(s.usageEvents)} usage events ` +
    `(${n(s.passthroughTraces)} passthrough traces) — seed ${s.seed}, ${(s.elapsedMs / 1000).toFixed(1)} s`
  );
}

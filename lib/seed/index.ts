/** The bench/demo data generator: `seedDatabase` for tests and the demo script, scripts/seed.ts for the CLI. */
export { seedDatabase, type TSeedSummary } from "@/lib/seed/seed-database";
export type { TSeedOptions } from "@/lib/seed/seed-options";
export { SeedRefusedError } from "@/lib/seed/database-state";
export { parseSeedArgs, SEED_USAGE } from "@/lib/seed/cli-args";
export { formatSummary } from "@/lib/seed/format-summary";

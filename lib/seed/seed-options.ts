import { z } from "zod";

/** Options of seedDatabase, validated the same way whether they come from the CLI or a test. */

export const MAX_CREDENTIALS = 5_000_000;
export const DEFAULT_CREDENTIALS = 2_000;
export const DEFAULT_SEED = 42;

export const ZSeedOptions = z.object({
  credentials: z.number().int("credentials must be an integer").min(1, "credentials must be at least 1").max(MAX_CREDENTIALS, `credentials must be at most ${MAX_CREDENTIALS.toLocaleString("en")}`),
  // The PRNG mixes 32 bits of seed: larger values would silently alias smaller ones.
  seed: z.number().int("seed must be an integer").min(0, "seed must be ≥ 0").max(0xffff_ffff, "seed must be < 2^32"),
  demoPassword: z.string().min(12, "the demo password must be at least 12 characters").optional(),
  loginFile: z.string().min(1).optional(),
  /** Replace a previous seed (refused for databases holding other data). */
  reset: z.boolean().optional(),
  /** Leave a non-empty database alone and report `skipped` instead of refusing. */
  ifEmpty: z.boolean().optional(),
  /** Fixes "now" for reproducible output (tests); defaults to the current time. */
  now: z.date().optional(),
  /** Progress lines (the CLI sends them to stderr). */
  log: z.custom<(line: string) => void>((v) => typeof v === "function").optional(),
});

export type TSeedOptions = z.input<typeof ZSeedOptions>;

const ZSeedOptionsChecked = ZSeedOptions.refine((o) => !(o.reset && o.ifEmpty), "reset and ifEmpty exclude each other");

export function parseSeedOptions(input: TSeedOptions) {
  return ZSeedOptionsChecked.parse(input);
}

import { z } from "zod";
import { DEFAULT_CREDENTIALS, DEFAULT_SEED, MAX_CREDENTIALS } from "@/lib/seed/seed-options";

/**
 * `tsx scripts/seed.ts [--credentials N] [--seed S] [--reset | --if-empty]`. Values are parsed from strings
 * strictly ("2e3", "12abc" and "" are errors, not 2000 / 12 / 0) so a typo never seeds the wrong size.
 */

export const SEED_USAGE = `usage: npm run db:seed -- [--credentials N] [--seed S] [--reset | --if-empty]
  --credentials N  credentials to generate, 1..${MAX_CREDENTIALS.toLocaleString("en")} (default ${DEFAULT_CREDENTIALS.toLocaleString("en")})
  --seed S         PRNG seed, integer 0..4294967295 (default ${DEFAULT_SEED}); same seed, same data
  --reset          replace a previous seed (refused for databases holding other data)
  --if-empty       do nothing (exit 0) when the database already holds data
env: DATABASE_URL (PostgreSQL) or TOKENWARD_DATA_DIR (PGlite), TOKENWARD_DEMO_PASSWORD (optional)`;

const integer = (flag: string) =>
  z.string({ error: `${flag} needs a value` }).regex(/^-?\d+$/, `${flag} must be an integer`).transform(Number);

const ZArgs = z.object({
  credentials: integer("--credentials").pipe(z.number().min(1, "--credentials must be at least 1").max(MAX_CREDENTIALS, `--credentials must be at most ${MAX_CREDENTIALS}`)).default(DEFAULT_CREDENTIALS),
  seed: integer("--seed").pipe(z.number().min(0, "--seed must be ≥ 0").max(0xffff_ffff, "--seed must be ≤ 4294967295")).default(DEFAULT_SEED),
  reset: z.boolean().default(false),
  "if-empty": z.boolean().default(false),
  help: z.boolean().default(false),
}).refine((a) => !(a.reset && a["if-empty"]), "--reset and --if-empty exclude each other")
  .transform(({ "if-empty": ifEmpty, ...rest }) => ({ ...rest, ifEmpty }));

export type TSeedArgs = z.output<typeof ZArgs>;
export type TParsedArgs = { ok: true; args: TSeedArgs } | { ok: false; error: string };

export function parseSeedArgs(argv: readonly string[]): TParsedArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--reset" || flag === "--if-empty" || flag === "--help" || flag === "-h") {
      if (inline !== undefined) return { ok: false, error: `${flag} takes no value` };
      raw[flag === "-h" ? "help" : flag.slice(2)] = true;
    } else if (flag === "--credentials" || flag === "--seed") {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) return { ok: false, error: `${flag} needs a value` };
      raw[flag.slice(2)] = value;
    } else {
      return { ok: false, error: `unknown argument "${arg}"` };
    }
  }
  const parsed = ZArgs.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") };
  return { ok: true, args: parsed.data };
}

/**
 * Bench/demo data generator CLI: `npm run db:seed -- --credentials N [--seed S] [--reset | --if-empty]`.
 * Exit codes: 0 seeded (or skipped with --if-empty), 1 failed or refused (nothing was written),
 * 2 bad arguments.
 * The work is in lib/seed; this file only parses arguments, opens the database and reports.
 */
import path from "node:path";
import { openDatabase, resolveDataDir } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { formatSummary, parseSeedArgs, SEED_USAGE, seedDatabase, SeedRefusedError } from "@/lib/seed";

async function main(): Promise<number> {
  const parsed = parseSeedArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`seed: ${parsed.error}\n${SEED_USAGE}`);
    return 2;
  }
  if (parsed.args.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  const config = env();
  if (parsed.args.reset && config.NODE_ENV === "production") {
    console.error("seed: --reset is refused when NODE_ENV=production");
    return 1;
  }
  // The one variable lib/env does not know: only this script needs it.
  const demoPassword = process.env.TOKENWARD_DEMO_PASSWORD || undefined;
  // Beside the data dir (.data/), git-ignored, where the demo start script looks for it.
  const loginFile = path.join(path.dirname(resolveDataDir(config.TOKENWARD_DATA_DIR)), "demo-login.json");

  const database = await openDatabase(config);
  try {
    const summary = await seedDatabase(database.prisma, {
      credentials: parsed.args.credentials, seed: parsed.args.seed, reset: parsed.args.reset, ifEmpty: parsed.args.ifEmpty,
      demoPassword, loginFile, log: (line) => console.error(line),
    });
    if (summary.skipped) {
      console.log("seed: the database already holds data; --if-empty: nothing to do");
      return 0;
    }
    console.log(formatSummary(summary, database.kind));
    console.error(`demo logins (mode 0600): ${loginFile}`);
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) console.error(`seed: ${error.message}`);
    else console.error("seed: failed, nothing was written:", error);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("seed:", error);
    process.exit(1);
  },
);

// `npm run keys:rotate`: re-encrypts every provider secret under the current connector key.
// `npm run keys:rotate -- generate <id>`: prints a new key entry to put first in TOKENWARD_CONNECTOR_KEYS.
import { randomBytes } from "node:crypto";
import { rotateConnectorSecrets } from "@/lib/connectors/rotate-secrets";
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";

const USAGE = `usage: npm run keys:rotate                 re-encrypt every provider secret under the first key
       npm run keys:rotate -- generate <id>  print a new "id:base64" key entry
Rotate keys: put the new entry first in TOKENWARD_CONNECTOR_KEYS, keep the old ones after it,
run keys:rotate, then drop the old entries.`;

async function main(): Promise<number> {
  const [command, id] = process.argv.slice(2);
  if (command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (command === "generate") {
    if (!id || !/^[A-Za-z0-9._-]{1,32}$/.test(id)) {
      console.error(`keys: generate needs an id (1-32 of A-Z a-z 0-9 . _ -)\n${USAGE}`);
      return 2;
    }
    console.log(`${id}:${randomBytes(32).toString("base64")}`);
    return 0;
  }
  if (command) {
    console.error(`keys: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  const config = env();
  const database = await openDatabase(config);
  try {
    const summary = await rotateConnectorSecrets(database.prisma);
    console.log(`keys: ${summary.rotated} of ${summary.total} provider secrets re-encrypted; all are now under key "${summary.current}"`);
    return 0;
  } catch (error) {
    console.error("keys: rotation failed, nothing was changed:", error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

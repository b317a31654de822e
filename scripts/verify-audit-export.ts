// `npm run audit:verify -- export.ndjson [--expect-head SEQ:HASH]`: checks an audit export offline,
// with the same hash function as the app. Exit 0 = intact, 1 = broken, 2 = bad usage.
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { verifyAuditExport } from "@/lib/audit/services/verify-audit-export";

const [file, flag, expected] = process.argv.slice(2);
const head = flag === "--expect-head" ? /^(\d+):([0-9a-f]{64})$/.exec(expected ?? "") : null;
if (!file || !existsSync(file) || (flag && !head)) {
  process.stderr.write("usage: npm run audit:verify -- <export.ndjson> [--expect-head SEQ:HASH]\n");
  process.exit(2);
}

const result = await verifyAuditExport(
  createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
  head ? { seq: head[1]!, hash: head[2]! } : undefined,
);
if (!result.ok) {
  process.stdout.write(`✖ BROKEN: ${result.error}\n`);
  process.exit(1);
}
process.stdout.write(`✔ intact: ${result.count} events, head #${result.head?.seq ?? "-"} ${result.head?.hash ?? ""}\n`);

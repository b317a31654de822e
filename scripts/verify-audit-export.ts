// `npm run audit:verify -- export.ndjson --public-key pub.pem [--public-key id=old.pem …] [--expect-head SEQ:HASH]`
// checks an audit export offline, with the same hash and signature code as the app: every hash, every
// checkpoint's Ed25519 signature and the signed head. `--unsigned` instead of a key checks hashes only
// (an unsigned chain, or no key at hand) and says so. Exit 0 = intact, 1 = broken, 2 = bad usage.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parsePublicKey, type TAuditVerifyKey } from "@/lib/audit/signing";
import { verifyAuditExport } from "@/lib/audit/services/verify-audit-export";

const USAGE = "usage: npm run audit:verify -- <export.ndjson> (--public-key [keyId=]pub.pem … | --unsigned) [--expect-head SEQ:HASH]\n";

function usage(message?: string): never {
  process.stderr.write(`${message ? `${message}\n` : ""}${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const file = args.shift();
const verifyKeys: TAuditVerifyKey[] = [];
let expectedHead: { seq: string; hash: string } | undefined;
let unsigned = false;
while (args.length) {
  const flag = args.shift();
  if (flag === "--unsigned") unsigned = true;
  else if (flag === "--public-key") {
    const value = args.shift() ?? usage("--public-key needs a file");
    const at = value.indexOf("=");
    const [keyId, path] = at > 0 ? [value.slice(0, at), value.slice(at + 1)] : [null, value];
    if (!existsSync(path)) usage(`no such key file: ${path}`);
    try {
      verifyKeys.push({ keyId, publicKey: parsePublicKey(readFileSync(path, "utf8")) });
    } catch (error) {
      usage(`${path}: ${(error as Error).message}`);
    }
  } else if (flag === "--expect-head") {
    const head = /^(\d+):([0-9a-f]{64})$/.exec(args.shift() ?? "") ?? usage("--expect-head needs SEQ:HASH");
    expectedHead = { seq: head[1]!, hash: head[2]! };
  } else usage(`unknown option ${flag}`);
}
if (!file || !existsSync(file)) usage(file ? `no such file: ${file}` : undefined);
if (!verifyKeys.length && !unsigned) usage("give the public key (--public-key pub.pem), or --unsigned to check hashes only");

const result = await verifyAuditExport(createInterface({ input: createReadStream(file), crlfDelay: Infinity }), { verifyKeys, expectedHead, unsigned });
if (!result.ok) {
  process.stdout.write(`✖ BROKEN: ${result.error}\n`);
  process.exit(1);
}
const signed = result.signedHead
  ? verifyKeys.length ? `${result.checkpoints} signed checkpoints valid, head signed by ${result.signedHead.keyId} at ${result.signedHead.signedAt}` : "signatures NOT checked (--unsigned)"
  : "UNSIGNED export (no signed head)";
process.stdout.write(`✔ intact: ${result.count} events, head #${result.head?.seq ?? "-"} ${result.head?.hash ?? ""}; ${signed}\n`);

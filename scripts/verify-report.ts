// `npm run report:verify -- <file> [--manifest file.manifest.json] [--public-key [keyId=]pub.pem …]`
// checks a report export offline with the app's own code (lib/reports/manifest.ts): the manifest's
// Ed25519 signature (the audit signing key's public half), then the file's length and SHA-256.
// The manifest defaults to <file>.manifest.json beside it. Without --public-key the key comes from
// TOKENWARD_AUDIT_SIGNING_KEY / TOKENWARD_AUDIT_VERIFY_KEYS (on the server itself); an auditor
// should pass the public key they were given. Exit 0 = verified, 1 = altered or forged, 2 = bad usage.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { parsePublicKey, type TAuditVerifyKey } from "@/lib/audit/signing";
import { checkReport, ContentDigest, parseManifest } from "@/lib/reports/manifest";

const USAGE = "usage: npm run report:verify -- <file> [--manifest <file>.manifest.json] [--public-key [keyId=]pub.pem …]\n";

function usage(message?: string): never {
  process.stderr.write(`${message ? `${message}\n` : ""}${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const file = args.shift();
let manifestPath: string | undefined;
const verifyKeys: TAuditVerifyKey[] = [];
while (args.length) {
  const flag = args.shift();
  if (flag === "--manifest") manifestPath = args.shift() ?? usage("--manifest needs a file");
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
  } else usage(`unknown option ${flag}`);
}
if (!file || !existsSync(file)) usage(file ? `no such file: ${file}` : undefined);
manifestPath ??= `${file}.manifest.json`;
if (!existsSync(manifestPath)) usage(`no manifest at ${manifestPath} (download it beside the file, or pass --manifest)`);
let keySource = "the given public key";
if (verifyKeys.length === 0) {
  const { auditSigningFromEnv } = await import("@/lib/audit/audit-keys");
  const { env } = await import("@/lib/env");
  verifyKeys.push(...auditSigningFromEnv(env()).verifyKeys);
  keySource = "the audit keys of this environment";
  if (verifyKeys.length === 0) usage("give the audit public key (--public-key pub.pem; `npm run audit:keys -- public` prints it)");
}

const manifest = parseManifest(readFileSync(manifestPath, "utf8"));
if (typeof manifest === "string") {
  process.stdout.write(`✖ NOT VERIFIED: ${manifest}\n`);
  process.exit(1);
}
const digest = new ContentDigest();
for await (const chunk of createReadStream(file)) digest.update(chunk as Buffer);
const result = checkReport(manifest, { sha256: digest.hex(), byteLength: digest.byteLength }, verifyKeys);
if (!result.ok) {
  process.stdout.write(`✖ NOT VERIFIED: ${result.error}\n`);
  process.exit(1);
}
const m = result.manifest;
process.stdout.write(
  `✔ verified with ${keySource} (key ${result.keyId}): ${m.report} report, ${m.contentFormat}, ${m.rowCount} rows, ${m.byteLength} bytes, sha256 ${m.sha256}\n` +
    `  requested by ${m.requestedBy.label} at ${m.generatedAt}; filters ${JSON.stringify(m.filters)}; audit head ${m.auditHead ? `#${m.auditHead.seq} ${m.auditHead.hash}` : "none"}\n`,
);

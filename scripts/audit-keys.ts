// `npm run audit:keys -- generate`: prints a new Ed25519 audit signing key (for
// TOKENWARD_AUDIT_SIGNING_KEY, base64 PKCS8 DER), its key id and its public key.
// `npm run audit:keys -- public`: prints the public key (PEM, for auditors and `audit:verify --public-key`)
// and the base64 SPKI form (for TOKENWARD_AUDIT_VERIFY_KEYS after a rotation) of the configured key.
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { keyFingerprint, parseSigningKey } from "@/lib/audit/signing";

function describe(privateKey: KeyObject, keyId: string) {
  const publicKey = createPublicKey(privateKey);
  process.stdout.write(`key id: ${keyId}\n`);
  process.stdout.write(`TOKENWARD_AUDIT_VERIFY_KEYS entry: ${keyId}=${publicKey.export({ format: "der", type: "spki" }).toString("base64")}\n`);
  process.stdout.write(String(publicKey.export({ format: "pem", type: "spki" })));
}

const command = process.argv[2];
if (command === "generate") {
  const { privateKey } = generateKeyPairSync("ed25519");
  process.stdout.write(`TOKENWARD_AUDIT_SIGNING_KEY=${privateKey.export({ format: "der", type: "pkcs8" }).toString("base64")}\n`);
  describe(privateKey, keyFingerprint(privateKey));
} else if (command === "public") {
  const raw = process.env.TOKENWARD_AUDIT_SIGNING_KEY;
  if (!raw) {
    process.stderr.write("TOKENWARD_AUDIT_SIGNING_KEY is not set\n");
    process.exit(2);
  }
  const privateKey = parseSigningKey(raw);
  describe(privateKey, process.env.TOKENWARD_AUDIT_KEY_ID || keyFingerprint(privateKey));
} else {
  process.stderr.write("usage: npm run audit:keys -- generate | public\n");
  process.exit(2);
}

import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash";

/**
 * Ed25519 signatures over chain heads (checkpoints). The key lives in the environment, never in the
 * database, so whoever can rewrite rows and re-hash the tail still cannot produce a checkpoint that
 * verifies. Ed25519 rather than HMAC so an auditor verifies an export with the PUBLIC key only.
 * No "server-only": the offline verifier (scripts/verify-audit-export.ts) uses the same code.
 */

export const AUDIT_CHECKPOINT_VERSION = 1;

export type TAuditSigner = { keyId: string; privateKey: KeyObject };
/** A key with no id verifies a checkpoint of any key id (an auditor handed one public key). */
export type TAuditVerifyKey = { keyId: string | null; publicKey: KeyObject };

export type TAuditCheckpoint = { seq: string; hash: string; signedAt: string; keyId: string; signature: string };

function derOrPem(text: string): { key: string | Buffer; format: "pem" | "der" } {
  const trimmed = text.trim();
  return trimmed.startsWith("-----") ? { key: trimmed, format: "pem" } : { key: Buffer.from(trimmed, "base64"), format: "der" };
}

/** PKCS8 PEM, or base64 of PKCS8 DER (fits in one environment variable line). */
export function parseSigningKey(text: string): KeyObject {
  const { key, format } = derOrPem(text);
  const privateKey = format === "pem" ? createPrivateKey(key) : createPrivateKey({ key: key as Buffer, format: "der", type: "pkcs8" });
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("the audit signing key must be an Ed25519 private key");
  return privateKey;
}

/** SPKI PEM, or base64 of SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const { key, format } = derOrPem(text);
  const publicKey = format === "pem" ? createPublicKey(key) : createPublicKey({ key: key as Buffer, format: "der", type: "spki" });
  if (publicKey.asymmetricKeyType !== "ed25519") throw new Error("an audit verification key must be an Ed25519 public key");
  return publicKey;
}

/** Default key id: the first 16 hex digits of SHA-256(SPKI DER), so ids follow keys without configuration. */
export function keyFingerprint(key: KeyObject): string {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256").update(pub.export({ format: "der", type: "spki" })).digest("hex").slice(0, 16);
}

function payload(c: Omit<TAuditCheckpoint, "signature">): Buffer {
  return Buffer.from(canonicalJson({ v: AUDIT_CHECKPOINT_VERSION, seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId }), "utf8");
}

export function signCheckpoint(signer: TAuditSigner, head: { seq: string; hash: string }, at: Date = new Date()): TAuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, signedAt: at.toISOString(), keyId: signer.keyId };
  return { ...unsigned, signature: sign(null, payload(unsigned), signer.privateKey).toString("base64") };
}

export type TCheckpointCheck = "valid" | "invalid" | "unknown_key";

export function checkCheckpoint(keys: readonly TAuditVerifyKey[], c: TAuditCheckpoint): TCheckpointCheck {
  const candidates = keys.filter((k) => k.keyId === null || k.keyId === c.keyId);
  if (candidates.length === 0) return "unknown_key";
  let signature: Buffer;
  try {
    signature = Buffer.from(c.signature, "base64");
  } catch {
    return "invalid";
  }
  return candidates.some((k) => verify(null, payload(c), k.publicKey, signature)) ? "valid" : "invalid";
}

import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash";

/**
 * Ed25519 signatures over chain heads (checkpoints). The key lives in the environment, never in the
 * database, so whoever can rewrite rows and re-hash the tail still cannot produce a checkpoint that
 * verifies. Ed25519 rather than HMAC so an auditor verifies an export with the PUBLIC key only.
 * No "server-only": the offline verifier (scripts/verify-audit-export.ts) uses the same code.
 */

/**
 * v1 signed { v, seq, hash, signedAt, keyId }. v2 also signs the link to the previous checkpoint
 * ({ prevSeq, prevSigHash }: its seq and SHA-256 of its signature; "0" and the genesis hash for the
 * first), so the checkpoints form a signed chain of their own: dropping or reordering any but the
 * newest breaks the link of the one after it. v1 stays verifiable for old rows and exports.
 */
export const AUDIT_CHECKPOINT_VERSION = 2;
export const GENESIS_CHECKPOINT_LINK = { prevSeq: "0", prevSigHash: "0".repeat(64) } as const;

export type TAuditSigner = { keyId: string; privateKey: KeyObject };
/** A key with no id verifies a checkpoint of any key id (an auditor handed one public key). */
export type TAuditVerifyKey = { keyId: string | null; publicKey: KeyObject };

export type TCheckpointLink = { prevSeq: string; prevSigHash: string };
export type TAuditCheckpoint = { v: 1 | 2; seq: string; hash: string; signedAt: string; keyId: string; signature: string; prevSeq: string | null; prevSigHash: string | null };

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
  const base = { v: c.v, seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId };
  return Buffer.from(canonicalJson(c.v === 1 ? base : { ...base, prevSeq: c.prevSeq, prevSigHash: c.prevSigHash }), "utf8");
}

/** What the next checkpoint signs as its link to `c`. */
export function linkTo(c: Pick<TAuditCheckpoint, "seq" | "signature"> | null): TCheckpointLink {
  if (!c) return { ...GENESIS_CHECKPOINT_LINK };
  return { prevSeq: c.seq, prevSigHash: createHash("sha256").update(c.signature, "utf8").digest("hex") };
}

/** Signs `head`, linked to `previous` (the newest checkpoint before it, or null for the first). */
export function signCheckpoint(
  signer: TAuditSigner,
  head: { seq: string; hash: string },
  previous: Pick<TAuditCheckpoint, "seq" | "signature"> | null,
  at: Date = new Date(),
): TAuditCheckpoint {
  const unsigned = { v: AUDIT_CHECKPOINT_VERSION, seq: head.seq, hash: head.hash, signedAt: at.toISOString(), keyId: signer.keyId, ...linkTo(previous) } as const;
  return { ...unsigned, signature: sign(null, payload(unsigned), signer.privateKey).toString("base64") };
}

/**
 * Checks that `c` follows `previous` in the checkpoint chain. v1 checkpoints carry no link (they
 * predate it); from the first v2 on every link must hold. Returns null, or why it does not.
 */
export function checkLink(previous: Pick<TAuditCheckpoint, "seq" | "signature"> | null, c: TAuditCheckpoint): string | null {
  if (c.v === 1) return null;
  const expected = linkTo(previous);
  if (c.prevSeq === expected.prevSeq && c.prevSigHash === expected.prevSigHash) return null;
  if (c.prevSeq !== expected.prevSeq) {
    return `checkpoint at event ${c.seq} follows the checkpoint at event ${c.prevSeq}, but the one before it is at ${previous?.seq ?? "none"}: checkpoints were removed or reordered`;
  }
  return `checkpoint at event ${c.seq} does not follow the checkpoint at event ${c.prevSeq}: that checkpoint was replaced`;
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

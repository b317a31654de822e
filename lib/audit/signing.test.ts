import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditSigningFromEnv } from "@/lib/audit/audit-keys";
import { canonicalJson } from "@/lib/audit/hash";
import { checkCheckpoint, checkLink, keyFingerprint, linkTo, parsePublicKey, parseSigningKey, signCheckpoint } from "@/lib/audit/signing";
import { ZEnv } from "@/lib/env";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const signer = { keyId: "k1", privateKey };
const head = { seq: "42", hash: "a".repeat(64) };

describe("audit checkpoint signatures", () => {
  it("verify with the public key, and fail for any changed field or another key", () => {
    const c = signCheckpoint(signer, head, null, new Date("2026-12-03T00:00:00.000Z"));
    const keys = [{ keyId: "k1", publicKey }];
    expect(checkCheckpoint(keys, c)).toBe("valid");
    for (const changed of [{ seq: "43" }, { hash: "b".repeat(64) }, { signedAt: "2026-12-03T00:00:00.001Z" }, { signature: c.signature.replace(/^./, (x) => (x === "A" ? "B" : "A")) }, { prevSeq: "7" }, { prevSigHash: "c".repeat(64) }, { v: 1 as const }]) {
      expect(checkCheckpoint(keys, { ...c, ...changed })).toBe("invalid");
    }
    // The key id is signed too: relabelling a checkpoint to another configured key does not verify.
    expect(checkCheckpoint([{ keyId: "k2", publicKey }], { ...c, keyId: "k2" })).toBe("invalid");
    expect(checkCheckpoint([{ keyId: "k2", publicKey }], c)).toBe("unknown_key");
    expect(checkCheckpoint([{ keyId: null, publicKey: generateKeyPairSync("ed25519").publicKey }], c)).toBe("invalid");
  });

  it("links each checkpoint to the one before it, and names a removed or replaced one", () => {
    const first = signCheckpoint(signer, { seq: "4", hash: "a".repeat(64) }, null);
    const second = signCheckpoint(signer, { seq: "8", hash: "b".repeat(64) }, first);
    const third = signCheckpoint(signer, { seq: "12", hash: "c".repeat(64) }, second);
    expect(first).toMatchObject({ v: 2, prevSeq: "0" });
    expect(second).toMatchObject({ prevSeq: "4", prevSigHash: linkTo(first).prevSigHash });
    expect(checkLink(null, first)).toBeNull();
    expect(checkLink(first, second)).toBeNull();
    expect(checkLink(second, third)).toBeNull();
    // second dropped: third no longer follows first
    expect(checkLink(first, third)).toMatch(/follows the checkpoint at event 8.*removed or reordered/);
    // all before third dropped
    expect(checkLink(null, third)).toMatch(/removed or reordered/);
    // second replaced by another checkpoint at the same seq
    const other = signCheckpoint(signer, { seq: "8", hash: "d".repeat(64) }, first);
    expect(checkLink(other, third)).toMatch(/replaced/);
  });

  it("still verifies v1 checkpoints (no link), signed as before", () => {
    const unsigned = { v: 1, seq: "42", hash: "a".repeat(64), signedAt: "2026-12-03T00:00:00.000Z", keyId: "k1" };
    const signature = sign(null, Buffer.from(canonicalJson(unsigned), "utf8"), privateKey).toString("base64");
    const v1 = { ...unsigned, v: 1 as const, signature, prevSeq: null, prevSigHash: null };
    expect(checkCheckpoint([{ keyId: "k1", publicKey }], v1)).toBe("valid");
    expect(checkLink(null, v1)).toBeNull();
    // The first v2 after v1 rows links to the last v1 one.
    const next = signCheckpoint(signer, { seq: "50", hash: "b".repeat(64) }, v1);
    expect(checkLink(v1, next)).toBeNull();
  });

  it("parses keys as PEM or base64 DER and refuses non-Ed25519 keys", () => {
    const pem = String(privateKey.export({ format: "pem", type: "pkcs8" }));
    const der = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    expect(keyFingerprint(parseSigningKey(pem))).toBe(keyFingerprint(parseSigningKey(der)));
    expect(keyFingerprint(parsePublicKey(String(publicKey.export({ format: "pem", type: "spki" }))))).toBe(keyFingerprint(privateKey));
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" });
    expect(() => parseSigningKey(String(rsa))).toThrow(/Ed25519/);
  });

  it("reads the signer and rotated verification keys from the environment", () => {
    const der = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    const old = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).toString("base64");
    const signing = auditSigningFromEnv(ZEnv.parse({ TOKENWARD_AUDIT_SIGNING_KEY: der, TOKENWARD_AUDIT_VERIFY_KEYS: `old=${old}`, TOKENWARD_AUDIT_CHECKPOINT_EVERY: "50" }));
    expect(signing.signer?.keyId).toBe(keyFingerprint(privateKey));
    expect(signing.verifyKeys.map((k) => k.keyId)).toEqual([keyFingerprint(privateKey), "old"]);
    expect(signing.every).toBe(50);
    expect(auditSigningFromEnv(ZEnv.parse({})).signer).toBeNull();
  });
});

import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditSigningFromEnv } from "@/lib/audit/audit-keys";
import { checkCheckpoint, keyFingerprint, parsePublicKey, parseSigningKey, signCheckpoint } from "@/lib/audit/signing";
import { ZEnv } from "@/lib/env";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const signer = { keyId: "k1", privateKey };
const head = { seq: "42", hash: "a".repeat(64) };

describe("audit checkpoint signatures", () => {
  it("verify with the public key, and fail for any changed field or another key", () => {
    const c = signCheckpoint(signer, head, new Date("2026-12-03T00:00:00.000Z"));
    const keys = [{ keyId: "k1", publicKey }];
    expect(checkCheckpoint(keys, c)).toBe("valid");
    for (const changed of [{ seq: "43" }, { hash: "b".repeat(64) }, { signedAt: "2026-12-03T00:00:00.001Z" }, { signature: c.signature.replace(/^./, (x) => (x === "A" ? "B" : "A")) }]) {
      expect(checkCheckpoint(keys, { ...c, ...changed })).toBe("invalid");
    }
    // The key id is signed too: relabelling a checkpoint to another configured key does not verify.
    expect(checkCheckpoint([{ keyId: "k2", publicKey }], { ...c, keyId: "k2" })).toBe("invalid");
    expect(checkCheckpoint([{ keyId: "k2", publicKey }], c)).toBe("unknown_key");
    expect(checkCheckpoint([{ keyId: null, publicKey: generateKeyPairSync("ed25519").publicKey }], c)).toBe("invalid");
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

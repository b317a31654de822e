import { createPublicKey } from "node:crypto";
import { env, type TEnv } from "@/lib/env";
import { keyFingerprint, parsePublicKey, parseSigningKey, type TAuditSigner, type TAuditVerifyKey } from "@/lib/audit/signing";

/** The process's audit signing configuration, from the environment (lib/env.ts). No "server-only": the seed script appends too. */
export type TAuditSigning = {
  /** null: the chain is unsigned (allowed outside production, or by TOKENWARD_AUDIT_ALLOW_UNSIGNED). */
  signer: TAuditSigner | null;
  verifyKeys: TAuditVerifyKey[];
  /** A checkpoint every N events (plus one at every export). */
  every: number;
};

export function auditSigningFromEnv(e: TEnv): TAuditSigning {
  const verifyKeys: TAuditVerifyKey[] = [];
  let signer: TAuditSigner | null = null;
  if (e.TOKENWARD_AUDIT_SIGNING_KEY) {
    const privateKey = parseSigningKey(e.TOKENWARD_AUDIT_SIGNING_KEY);
    signer = { keyId: e.TOKENWARD_AUDIT_KEY_ID ?? keyFingerprint(privateKey), privateKey };
    verifyKeys.push({ keyId: signer.keyId, publicKey: createPublicKey(privateKey) });
  }
  for (const entry of e.TOKENWARD_AUDIT_VERIFY_KEYS.split(",").map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    if (at < 1) throw new Error(`TOKENWARD_AUDIT_VERIFY_KEYS entry must be keyId=base64 SPKI DER`);
    verifyKeys.push({ keyId: entry.slice(0, at), publicKey: parsePublicKey(entry.slice(at + 1)) });
  }
  return { signer, verifyKeys, every: e.TOKENWARD_AUDIT_CHECKPOINT_EVERY };
}

let cached: TAuditSigning | undefined;

export function auditSigning(): TAuditSigning {
  cached ??= auditSigningFromEnv(env());
  return cached;
}
